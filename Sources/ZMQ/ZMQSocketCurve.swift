import CZMQ

/// Not in zmq.h without the draft API, yet honoured by libzmq 4.3: with it a CURVE server
/// refuses every client while no ZAP handler is bound, instead of letting all of them in.
private let zapEnforceDomain: Int32 = 93

extension ZMQSocket {
    /// Makes this socket a CurveZMQ server: connections are encrypted and every client key
    /// is put to the ZAP handler of this socket's context (see `ZAPHandler`) under
    /// `zapDomain`. Call before `bind`. Fails closed: with no ZAP handler bound, no client
    /// gets in.
    package func makeCurveServer(secretKey: String, zapDomain: String = "global") throws(ZMQError) {
        try set(.int(ZMQ_CURVE_SERVER, 1))
        try set(.bytes(ZMQ_CURVE_SECRETKEY, Array(secretKey.utf8)))
        try setZAPDomain(zapDomain)
        try set(.int(zapEnforceDomain, 1))
    }

    /// Makes this socket a CurveZMQ client of the server whose public key is given,
    /// authenticating with `keyPair`. Call before `connect`.
    package func makeCurveClient(serverPublicKey: String, keyPair: ZMQCurveKeyPair) throws(ZMQError) {
        try set(.bytes(ZMQ_CURVE_SERVERKEY, Array(serverPublicKey.utf8)))
        try set(.bytes(ZMQ_CURVE_PUBLICKEY, Array(keyPair.publicKey.utf8)))
        try set(.bytes(ZMQ_CURVE_SECRETKEY, Array(keyPair.secretKey.utf8)))
    }

    /// Puts this socket's connections to the context's ZAP handler under `domain`. For a
    /// socket without CURVE (the NULL mechanism) ZAP is consulted only when this is set.
    package func setZAPDomain(_ domain: String) throws(ZMQError) {
        try set(.bytes(ZMQ_ZAP_DOMAIN, Array(domain.utf8)))
    }

    /// Whether this socket is a CurveZMQ server.
    package var isCurveServer: Bool {
        (try? intOption(ZMQ_CURVE_SERVER)) == 1
    }
}
