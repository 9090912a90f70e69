import ArgumentParser
import ZMQ

/// `--server-key` and `--client-key`: speak CurveZMQ to a daemon whose config has `curve:`.
struct CurveClientOptions: ParsableArguments {
    @Option(help: "The daemon's CURVE public key: its .pub (or .key) file, or the 40-character Z85 key. Turns CURVE on.")
    var serverKey: String?

    @Option(help: "This client's key pair file from `missiond keygen` (its .pub must be in the daemon's allow-list).")
    var clientKey: String?

    /// Both keys, ready for `ZMQSocket.makeCurveClient`.
    struct Keys {
        let serverPublicKey: String
        let keyPair: ZMQCurveKeyPair
    }

    func validate() throws {
        if (serverKey == nil) != (clientKey == nil) {
            throw ValidationError("--server-key and --client-key go together (CURVE needs both)")
        }
    }

    /// Nil without CURVE.
    func keys() throws -> Keys? {
        guard let serverKey, let clientKey else { return nil }
        let serverPublicKey = ZMQZ85.isCurveKey(serverKey) ? serverKey : try ZMQCurveKeyFile.readPublicKey(path: serverKey)
        return Keys(serverPublicKey: serverPublicKey, keyPair: try ZMQCurveKeyFile.readKeyPair(path: clientKey))
    }
}

extension ZMQSocket {
    /// Makes this socket a CURVE client when keys are given; call before `connect`.
    func useCurve(_ keys: CurveClientOptions.Keys?) throws {
        guard let keys else { return }
        try makeCurveClient(serverPublicKey: keys.serverPublicKey, keyPair: keys.keyPair)
    }
}
