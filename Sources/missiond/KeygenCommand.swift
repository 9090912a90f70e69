import ArgumentParser
import Foundation
import ZMQ

/// `missiond keygen`: a CurveZMQ key pair for the daemon (its server key) or for a client
/// (whose `.pub` goes into the daemon's allow-list).
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Write a CurveZMQ key pair: NAME.key (secret, mode 0600) and NAME.pub.",
        discussion: """
            Prints the public key on stdout. The daemon's config names its own .key file; \
            each client's public key goes into the config's allow-list. Existing files are \
            kept unless --force is given.
            """
    )

    @Option(help: "Directory to write the key files in (created, mode 0700, if missing).")
    var output = "."

    @Option(help: "Base name of the key files.")
    var name = "missiond"

    @Flag(help: "Replace existing key files.")
    var force = false

    func validate() throws {
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
            throw ValidationError("--name takes a plain file name, without '/' or a leading '.'")
        }
    }

    func run() throws {
        let directory = URL(fileURLWithPath: output, isDirectory: true)
        if !FileManager.default.fileExists(atPath: directory.path) {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        let secretPath = directory.appendingPathComponent("\(name).key").path
        let publicPath = directory.appendingPathComponent("\(name).pub").path
        // Check both first, so that a refusal leaves no half-written pair behind.
        if !force {
            for path in [secretPath, publicPath] where FileManager.default.fileExists(atPath: path) {
                throw ZMQCurveError("\(path) exists already; use --force to replace it")
            }
        }
        let pair = try ZMQCurveKeyPair.generate()
        try ZMQCurveKeyFile.writeSecret(pair, to: secretPath, overwrite: force)
        try ZMQCurveKeyFile.writePublic(publicKey: pair.publicKey, to: publicPath, overwrite: force)
        print(pair.publicKey)
        FileHandle.standardError.write(Data("missiond keygen: wrote \(secretPath) (secret, 0600) and \(publicPath)\n".utf8))
    }
}
