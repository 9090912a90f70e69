import Foundation

/// The files named on a command line: files as given, directories walked in sorted order.
/// Hidden names and in-progress writes (`.tmp`, `.part`) are skipped, as the inbox does.
enum InputFiles {
    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String { "no such file or directory: \(path)" }
    }

    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { throw Missing(path: path) }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            guard let walker = manager.enumerator(atPath: path) else { continue }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if isSkipped(name) {
                    if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { walker.skipDescendants() }
                    continue
                }
                if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeRegular {
                    found.append((path as NSString).appendingPathComponent(relative))
                }
            }
            files.append(contentsOf: found.sorted())
        }
        return files
    }

    static func isSkipped(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix(".tmp") || name.hasSuffix(".part")
    }
}
