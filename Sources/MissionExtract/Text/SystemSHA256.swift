#if canImport(Glibc)
import Glibc
#endif

/// OpenSSL's SHA-256, which uses the CPU's SHA instructions (about ten times the speed of the Swift
/// code), when libcrypto is installed. Looked up once at run time, so the package links no C
/// library; without it SHA256 falls back to its own rounds. Same digest either way.
/// The low-level SHA256_Init/Update/Final, not the one-shot SHA256(): in OpenSSL 3 the one-shot
/// call fetches the algorithm by name and allocates a context on every call (~6,000 instructions,
/// more than hashing an event id's two blocks).
enum SystemSHA256 {
    private typealias Init = @convention(c) (UnsafeMutableRawPointer?) -> Int32
    private typealias Update = @convention(c) (UnsafeMutableRawPointer?, UnsafeRawPointer?, Int) -> Int32
    private typealias Final = @convention(c) (UnsafeMutablePointer<UInt8>?, UnsafeMutableRawPointer?) -> Int32

    private struct Functions {
        let initialize: Init, update: Update, final: Final
    }

    /// sizeof(SHA256_CTX) is 112; room to spare.
    private static let contextBytes = 256

    private static let functions: Functions? = {
        #if canImport(Glibc)
        guard let library = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL),
              let i = dlsym(library, "SHA256_Init"), let u = dlsym(library, "SHA256_Update"), let f = dlsym(library, "SHA256_Final")
        else { return nil }
        return Functions(initialize: unsafeBitCast(i, to: Init.self), update: unsafeBitCast(u, to: Update.self),
                         final: unsafeBitCast(f, to: Final.self))
        #else
        return nil
        #endif
    }()

    static var isAvailable: Bool { functions != nil }

    /// Writes the 32-byte digest of `message` to `out`; false when libcrypto is not there.
    static func digest(_ message: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>) -> Bool {
        guard let f = functions else { return false }
        return withUnsafeTemporaryAllocation(byteCount: contextBytes, alignment: 16) { ctx in
            _ = f.initialize(ctx.baseAddress)
            if message.count > 0 { _ = f.update(ctx.baseAddress, message.baseAddress, message.count) }
            _ = f.final(out, ctx.baseAddress)
            return true
        }
    }
}
