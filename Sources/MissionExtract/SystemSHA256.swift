#if canImport(Glibc)
import Glibc
#endif

/// OpenSSL's one-shot SHA256(), which uses the CPU's SHA instructions (about ten times the speed
/// of the Swift code), when libcrypto is installed. Looked up once at run time, so the package
/// links no C library; without it SHA256 falls back to its own rounds. Same digest either way.
enum SystemSHA256 {
    typealias Function = @convention(c) (UnsafePointer<UInt8>?, Int, UnsafeMutablePointer<UInt8>?) -> UnsafeMutablePointer<UInt8>?

    static let function: Function? = {
        #if canImport(Glibc)
        guard let library = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL), let symbol = dlsym(library, "SHA256") else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
        #else
        return nil
        #endif
    }()
}
