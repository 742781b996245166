import Foundation

/// The temporary folders `forum serve` stages files in (the pages' gzip copies, the join QR
/// code, the stories' pictures): each is named with the kind, the server's process id and a
/// random part, so that a server killed without warning (`kill -9`, a power cut), which could
/// not remove its folders, has them removed by the next one that starts.
public enum StagingFolder {
    /// A new folder's URL (not yet made) for `kind` ("forum-qr", "forum-pages-gz", ...).
    public static func make(_ kind: String, in directory: URL = FileManager.default.temporaryDirectory) -> URL {
        directory.appendingPathComponent("\(kind)-\(getpid())-\(UUID().uuidString)")
    }

    /// Removes the folders of `kind` left by servers that are no longer running; returns how
    /// many. A folder of a running process, or one not named this way, is left alone.
    @discardableResult
    public static func removeAbandoned(
        _ kind: String, in directory: URL = FileManager.default.temporaryDirectory,
        isRunning: (pid_t) -> Bool = StagingFolder.isRunning
    ) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var removed = 0
        for name in names {
            guard let pid = owner(of: name, kind: kind), pid != getpid(), !isRunning(pid) else { continue }
            if (try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))) != nil { removed += 1 }
        }
        return removed
    }

    /// The process id in a folder's name made by ``make(_:in:)`` for `kind`; nil for any other name.
    static func owner(of name: String, kind: String) -> pid_t? {
        guard name.hasPrefix(kind + "-") else { return nil }
        let rest = name.dropFirst(kind.count + 1)
        guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0,
            UUID(uuidString: String(rest[rest.index(after: dash)...])) != nil
        else { return nil }
        return pid
    }

    /// Whether a process with this id is running (signal 0 reaches it, or it is someone
    /// else's).
    public static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
