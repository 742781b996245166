import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The text files of the pages folder, gzipped once at startup into a staging folder of
/// their own (removed with ``remove()``), so lws can send them compressed: Debian's lws
/// cannot compress on the fly (see docs/architecture.md, "Serving the pages").
///
/// A copy is used only while its original is unchanged (same size and modification time),
/// so a page edited while the server runs is sent as it now is, uncompressed.
final class PrecompressedPages {
    /// The extensions worth compressing: text. Images other than SVG are compressed already.
    static let extensions: Set<String> = ["html", "css", "js", "svg", "json", "webmanifest"]

    /// One gzipped page.
    struct Entry {
        var gzipPath: String
        var plainSize: Int
        var gzipSize: Int
        var modified: timespec
    }

    /// The staging folder.
    let folder: URL
    /// By the original's path (as ``normalised(_:)`` writes it).
    private(set) var entries: [String: Entry] = [:]

    /// Gzips every text file under `webRoot` (subfolders included) into a new temporary
    /// folder. A file that gzip does not make smaller is left out.
    init(webRoot: String) throws {
        StagingFolder.removeAbandoned("forum-pages-gz")
        folder = StagingFolder.make("forum-pages-gz")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        do {
            for relative in Self.textFiles(under: webRoot) {
                let original = webRoot + "/" + relative
                guard let (bytes, modified) = Self.contents(of: original), let gzipped = Gzip.compress(bytes),
                    gzipped.count < bytes.count
                else { continue }
                let target = folder.appendingPathComponent(relative + ".gz")
                try FileManager.default.createDirectory(
                    at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(gzipped).write(to: target)
                entries[Self.normalised(original)] = Entry(
                    gzipPath: target.path, plainSize: bytes.count, gzipSize: gzipped.count, modified: modified)
            }
        } catch {
            remove()
            throw error
        }
    }

    /// The gzip copy of the file at `path` (a path lws built from a mount's origin and the
    /// request), or nil when there is none or the original has changed since.
    func gzipPath(for path: String) -> String? {
        guard let entry = entries[Self.normalised(path)] else { return nil }
        var now = stat()
        guard stat(path, &now) == 0, Int(now.st_size) == entry.plainSize,
            now.st_mtim.tv_sec == entry.modified.tv_sec, now.st_mtim.tv_nsec == entry.modified.tv_nsec
        else { return nil }
        return entry.gzipPath
    }

    /// Removes the staging folder.
    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// `path` with empty and `.` components dropped (lws joins origin and URI with a `/`,
    /// so `web//index.html` and `web/index.html` name one file). `..` is kept as it is: lws
    /// has already resolved it in the URI, and the origin is the same string on both sides.
    static func normalised(_ path: String) -> String {
        let components = path.split(separator: "/").filter { $0 != "." }
        return (path.hasPrefix("/") ? "/" : "") + components.joined(separator: "/")
    }

    /// Relative paths of the regular text files under `root`.
    private static func textFiles(under root: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            let type = walker.fileAttributes?[.type] as? FileAttributeType
            if type == .typeRegular, extensions.contains((relative as NSString).pathExtension.lowercased()) {
                files.append(relative)
            }
        }
        return files.sorted()
    }

    /// The file's bytes and its modification time, both from one open file.
    private static func contents(of path: String) -> ([UInt8], timespec)? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var done = 0
        while done < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + done, $0.count - done) }
            guard count > 0 else { return nil }
            done += count
        }
        return (bytes, info.st_mtim)
    }
}
