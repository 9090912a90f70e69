import Foundation
import ZMQ

/// The `curve:` section of the config: the daemon's secret key file and the client public
/// keys let in, listed inline, as `.pub` files in a directory, or both.
package struct CurveSettings: Sendable, Equatable {
    package var secretKeyFile: String
    /// Every `*.pub` file in it (as `missiond keygen` writes them) is an allowed client.
    package var allowedClientsDirectory: String?
    /// Z85 public keys (40 characters).
    package var allowedClientKeys: [String] = []

    package init(secretKeyFile: String, allowedClientsDirectory: String? = nil, allowedClientKeys: [String] = []) {
        self.secretKeyFile = secretKeyFile
        self.allowedClientsDirectory = allowedClientsDirectory
        self.allowedClientKeys = allowedClientKeys
    }

    mutating func resolvePaths(against base: String) {
        secretKeyFile = DaemonConfig.resolve(secretKeyFile, against: base)
        allowedClientsDirectory = allowedClientsDirectory.map { DaemonConfig.resolve($0, against: base) }
    }

    /// The server's key pair; the file must be private to this user (mode 0600).
    package func serverKeyPair() throws(DaemonError) -> ZMQCurveKeyPair {
        do {
            return try ZMQCurveKeyFile.readKeyPair(path: secretKeyFile)
        } catch {
            throw DaemonError(.curve, "curve.secret_key_file: \(error.description)")
        }
    }

    /// The allow-list: the inline keys and those of the directory's `.pub` files. Read again
    /// on every reload, so adding a client is a file copy and a `systemctl reload`.
    package func allowedKeys() throws(DaemonError) -> Set<String> {
        var keys = Set(allowedClientKeys)
        guard let directory = allowedClientsDirectory else { return keys }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw DaemonError(.curve, "curve.allowed_clients_dir \(directory): cannot list: \(error.localizedDescription)")
        }
        for name in names.sorted() where name.hasSuffix(".pub") && !name.hasPrefix(".") {
            do {
                keys.insert(try ZMQCurveKeyFile.readPublicKey(path: directory + "/" + name))
            } catch {
                throw DaemonError(.curve, "curve.allowed_clients_dir: \(error.description)")
            }
        }
        return keys
    }
}

extension CurveSettings: Decodable {
    enum Key: String, CodingKey, CaseIterable {
        case secretKeyFile = "secret_key_file"
        case allowedClientsDirectory = "allowed_clients_dir"
        case allowedClientKeys = "allowed_client_keys"
    }

    package init(from decoder: any Decoder) throws {
        let all = try decoder.container(keyedBy: DaemonConfig.AnyKey.self)
        let unknown = all.allKeys.map(\.stringValue).filter { Key(rawValue: $0) == nil }
        guard unknown.isEmpty else {
            let known = Key.allCases.map(\.rawValue).joined(separator: ", ")
            throw DaemonError(.curve, "curve: unknown key(s) \(unknown.sorted().joined(separator: ", ")); known keys: \(known)")
        }
        let c = try decoder.container(keyedBy: Key.self)
        guard let secret = try c.decodeIfPresent(String.self, forKey: .secretKeyFile), !secret.isEmpty else {
            throw DaemonError(.curve, "curve: secret_key_file is required (write one with `missiond keygen`)")
        }
        self.init(secretKeyFile: secret,
                  allowedClientsDirectory: try c.decodeIfPresent(String.self, forKey: .allowedClientsDirectory),
                  allowedClientKeys: try c.decodeIfPresent([String].self, forKey: .allowedClientKeys) ?? [])
        for key in allowedClientKeys where !ZMQZ85.isCurveKey(key) {
            throw DaemonError(.curve, "curve.allowed_client_keys: \"\(key)\" is not a CURVE public key (40 Z85 characters)")
        }
    }
}
