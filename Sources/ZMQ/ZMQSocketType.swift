import CZMQ

/// The socket patterns this project uses (libzmq's stable, non-draft types).
package enum ZMQSocketType: Sendable, CaseIterable {
    case req, rep, dealer, router, pub, xpub, sub, push, pull, pair

    var rawValue: Int32 {
        switch self {
        case .req: ZMQ_REQ
        case .rep: ZMQ_REP
        case .dealer: ZMQ_DEALER
        case .router: ZMQ_ROUTER
        case .pub: ZMQ_PUB
        case .xpub: ZMQ_XPUB
        case .sub: ZMQ_SUB
        case .push: ZMQ_PUSH
        case .pull: ZMQ_PULL
        case .pair: ZMQ_PAIR
        }
    }
}
