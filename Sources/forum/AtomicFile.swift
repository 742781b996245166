import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a whole file or nothing: the text goes to a hidden temporary file beside the
/// destination, which is then linked (never replacing a file) or renamed (replacing it) into place.
enum AtomicFile {
    /// Why a file was not written.
    enum Failure: Error, CustomStringConvertible {
        case exists(String)
        case notWritten(String, reason: String)

        var description: String {
            switch self {
            case .exists(let path):
                "\(path): error: the file already exists; nothing is written\n"
                    + "  hint: choose another name, or give --replace to write over it"
            case .notWritten(let path, let reason):
                "\(path): error: the file cannot be written: \(reason)\n"
                    + "  hint: check that the folder exists and that you may write in it"
            }
        }
    }

    /// Writes `text` to `path`; an existing file is replaced only when `replace` is true.
    static func write(_ text: String, to path: String, replace: Bool) throws(Failure) {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary =
            (folder.isEmpty ? "." : folder) + "/." + (path as NSString).lastPathComponent
            + ".\(getpid()).partial"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw .notWritten(path, reason: String(cString: strerror(errno)))
        }
        defer { unlink(temporary) }
        if replace {
            guard rename(temporary, path) == 0 else {
                throw .notWritten(path, reason: String(cString: strerror(errno)))
            }
        } else if link(temporary, path) != 0 {
            throw errno == EEXIST ? .exists(path) : .notWritten(path, reason: String(cString: strerror(errno)))
        }
    }
}
