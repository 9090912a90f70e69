import Glibc

/// The key files of `missiond keygen`: small text files of `name = value` lines.
///
///     # missiond CurveZMQ secret key: keep this file private (mode 0600)
///     public-key = rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7
///     secret-key = JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6
///
/// The public file has only the `public-key` line. Reading is lenient so that czmq
/// certificates (`curve` section, indented, quoted values) read too: lines without `=`
/// and unknown names are ignored. Z85 may contain `=` and `#`, so a value is everything
/// after the first `=`, and only lines starting with `#` are comments.
package enum ZMQCurveKeyFile {
    /// The keys a file holds.
    package struct Contents: Sendable, Equatable {
        package var publicKey: String?
        package var secretKey: String?
    }

    package static func secretFileText(_ pair: ZMQCurveKeyPair) -> String {
        """
        # missiond CurveZMQ secret key: keep this file private (mode 0600)
        public-key = \(pair.publicKey)
        secret-key = \(pair.secretKey)

        """
    }

    package static func publicFileText(publicKey: String) -> String {
        """
        # missiond CurveZMQ public key: give it to the other side of the connection
        public-key = \(publicKey)

        """
    }

    package static func parse(_ text: String, source: String = "key file") throws(ZMQCurveError) -> Contents {
        var contents = Contents()
        // By scalars: in a CRLF file "\r\n" is one Character and would not split at "\n".
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, scalars) in lines.enumerated() {
            let line = String(String.UnicodeScalarView(scalars)).trimmingWhitespace
            guard !line.isEmpty, !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
            let name = line[..<equals].trimmingWhitespace
            var value = line[line.index(after: equals)...].trimmingWhitespace
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = value.dropFirst().dropLast()
            }
            switch name {
            case "public-key", "secret-key":
                guard ZMQZ85.isCurveKey(String(value)) else {
                    throw ZMQCurveError("\(source):\(number + 1): \(name) is not a CURVE key (40 Z85 characters)")
                }
                if name == "public-key" { contents.publicKey = String(value) } else { contents.secretKey = String(value) }
            default:
                continue
            }
        }
        return contents
    }

    /// The key pair of a secret key file. With `requirePrivate`, a file that others may read
    /// is refused, as ssh does: a secret that leaked is no secret.
    package static func readKeyPair(path: String, requirePrivate: Bool = true) throws(ZMQCurveError) -> ZMQCurveKeyPair {
        let (text, mode) = try read(path)
        if requirePrivate, mode & 0o077 != 0 {
            throw ZMQCurveError("\(path): a secret key file must not be readable by others (mode \(String(mode & 0o777, radix: 8)); chmod 600 it)")
        }
        let contents = try parse(text, source: path)
        guard let secret = contents.secretKey else { throw ZMQCurveError("\(path): no secret-key line") }
        do throws(ZMQCurveError) {
            if let publicKey = contents.publicKey {
                return try ZMQCurveKeyPair(publicKey: publicKey, secretKey: secret)
            }
            return try ZMQCurveKeyPair(secretKey: secret)
        } catch {
            throw ZMQCurveError("\(path): \(error.description)")
        }
    }

    /// The public key of a public or secret key file, or of a file holding only the bare key.
    package static func readPublicKey(path: String) throws(ZMQCurveError) -> String {
        let (text, _) = try read(path)
        let contents = try parse(text, source: path)
        if let publicKey = contents.publicKey { return publicKey }
        if let secret = contents.secretKey { return try ZMQCurveKeyPair.publicKey(fromSecret: secret) }
        let bare = text.trimmingWhitespace
        if ZMQZ85.isCurveKey(String(bare)) { return String(bare) }
        throw ZMQCurveError("\(path): no public-key line")
    }

    /// Writes the secret key file with mode 0600 (set before the secret is written, whatever
    /// the umask or an older file's mode). Without `overwrite`, an existing file is refused.
    package static func writeSecret(_ pair: ZMQCurveKeyPair, to path: String, overwrite: Bool = false) throws(ZMQCurveError) {
        try write(secretFileText(pair), to: path, mode: 0o600, overwrite: overwrite)
    }

    /// Writes the public key file with mode 0644.
    package static func writePublic(publicKey: String, to path: String, overwrite: Bool = false) throws(ZMQCurveError) {
        try write(publicFileText(publicKey: publicKey), to: path, mode: 0o644, overwrite: overwrite)
    }

    private static func write(_ text: String, to path: String, mode: mode_t, overwrite: Bool) throws(ZMQCurveError) {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (overwrite ? O_TRUNC : O_EXCL)
        let fd = open(path, flags, mode)
        guard fd >= 0 else {
            if errno == EEXIST { throw ZMQCurveError("\(path) exists already (not overwritten)") }
            throw systemError("cannot create", path)
        }
        defer { close(fd) }
        guard fchmod(fd, mode) == 0 else { throw systemError("cannot chmod", path) }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw systemError("cannot write", path)
            }
            offset += written
        }
        for index in bytes.indices { bytes[index] = 0 }
        guard fsync(fd) == 0 else { throw systemError("cannot sync", path) }
    }

    /// The file's text and permission bits; key files are tiny, so anything big is refused.
    private static func read(_ path: String) throws(ZMQCurveError) -> (String, mode_t) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw systemError("cannot open", path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw systemError("cannot stat", path) }
        let limit = 64 * 1024
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw systemError("cannot read", path)
            }
            if count == 0 { break }
            bytes += chunk[..<count]
            if bytes.count > limit { throw ZMQCurveError("\(path): too big for a key file") }
        }
        return (String(decoding: bytes, as: UTF8.self), info.st_mode)
    }

    private static func systemError(_ what: String, _ path: String) -> ZMQCurveError {
        ZMQCurveError("\(what) \(path): \(String(cString: strerror(errno)))")
    }
}

extension StringProtocol {
    fileprivate var trimmingWhitespace: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
        let start = firstIndex { !isSpace($0) } ?? endIndex
        let end = lastIndex { !isSpace($0) }.map(index(after:)) ?? start
        return Substring(self[start..<end])
    }
}
