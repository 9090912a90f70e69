import CZMQ

/// Z85 (ZeroMQ RFC 32), the text form of CurveZMQ keys: 4 bytes become 5 printable characters.
package enum ZMQZ85 {
    /// The 85 characters of the encoding, in value order.
    static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#".utf8)

    /// `nil` unless `bytes.count` is a multiple of 4.
    package static func encode(_ bytes: [UInt8]) -> String? {
        guard bytes.count % 4 == 0 else { return nil }
        var text = [CChar](repeating: 0, count: bytes.count / 4 * 5 + 1)
        guard zmq_z85_encode(&text, bytes, bytes.count) != nil else { return nil }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `nil` unless `text` is Z85: a multiple of 5 characters from the alphabet, each group
    /// standing for a 32-bit value.
    package static func decode(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        // libzmq checks the characters too, but an empty or odd-length string must not reach it.
        guard !utf8.isEmpty, utf8.count % 5 == 0, utf8.allSatisfy(alphabet.contains) else { return nil }
        var bytes = [UInt8](repeating: 0, count: utf8.count / 5 * 4)
        guard zmq_z85_decode(&bytes, text) != nil else { return nil }
        return bytes
    }

    /// A 40-character Z85 string that decodes to a 32-byte CurveZMQ key.
    package static func isCurveKey(_ text: String) -> Bool {
        text.utf8.count == 40 && decode(text)?.count == 32
    }
}

/// A CurveZMQ key pair as Z85 text (40 characters each), the form key files and configs use.
package struct ZMQCurveKeyPair: Sendable, Equatable {
    package let publicKey: String
    package let secretKey: String

    /// A pair from its secret key alone: the public key follows from it.
    package init(secretKey: String) throws(ZMQCurveError) {
        self.publicKey = try Self.publicKey(fromSecret: secretKey)
        self.secretKey = secretKey
    }

    /// A pair from both keys, refused if they do not belong together (a key file edited by hand).
    package init(publicKey: String, secretKey: String) throws(ZMQCurveError) {
        let derived = try Self.publicKey(fromSecret: secretKey)
        guard derived == publicKey else {
            throw ZMQCurveError("the public key \(publicKey) does not belong to the secret key (its public key is \(derived))")
        }
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    /// A fresh random pair from libsodium (`zmq_curve_keypair`).
    package static func generate() throws(ZMQCurveError) -> ZMQCurveKeyPair {
        var publicText = [CChar](repeating: 0, count: 41)
        var secretText = [CChar](repeating: 0, count: 41)
        guard zmq_curve_keypair(&publicText, &secretText) == 0 else {
            throw ZMQCurveError("cannot generate a CURVE key pair: \(ZMQError.last("zmq_curve_keypair").message)")
        }
        let pair = ZMQCurveKeyPair(checkedPublic: string(publicText), secret: string(secretText))
        // Scrub the C buffer holding the secret; the Swift string is what we keep.
        for index in secretText.indices { secretText[index] = 0 }
        return pair
    }

    /// The public key belonging to a Z85 secret key (`zmq_curve_public`).
    package static func publicKey(fromSecret secretKey: String) throws(ZMQCurveError) -> String {
        guard ZMQZ85.isCurveKey(secretKey) else {
            throw ZMQCurveError("not a CURVE secret key: expected 40 Z85 characters")
        }
        var publicText = [CChar](repeating: 0, count: 41)
        guard zmq_curve_public(&publicText, secretKey) == 0 else {
            throw ZMQCurveError("cannot derive the public key: \(ZMQError.last("zmq_curve_public").message)")
        }
        return string(publicText)
    }

    private init(checkedPublic publicKey: String, secret secretKey: String) {
        self.publicKey = publicKey
        self.secretKey = secretKey
    }

    private static func string(_ text: [CChar]) -> String {
        String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
