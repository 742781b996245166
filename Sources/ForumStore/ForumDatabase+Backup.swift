import Foundation
import GRDB

/// What a finished backup holds, for the command's report.
public struct BackupSummary: Sendable, Equatable {
    /// The copy's path.
    public var path: String
    /// Votes stored in the copy (every vote, changes included).
    public var votes: Int
    /// Vote rounds in the copy.
    public var rounds: Int
    /// The copy's size in bytes.
    public var bytes: Int
}

/// Why a backup was refused before anything was copied.
public enum BackupError: Error, Equatable, CustomStringConvertible {
    /// The copy would overwrite a file that is already there.
    case destinationExists(path: String)
    /// The copy would be the database itself.
    case sameFile(path: String)

    /// One sentence for the command line.
    public var description: String {
        switch self {
        case .destinationExists(let path): "\(path) already exists: choose a new name for the copy."
        case .sameFile(let path): "\(path) is the database itself: choose another name for the copy."
        }
    }
}

extension ForumDatabase {
    /// Copies the whole database, as it is at one instant, into a new file at `destination`,
    /// with SQLite's online backup: safe while a show is writing to the database (votes still
    /// in the write-ahead log are copied too, and the show is not held up). The copy is a
    /// complete database on its own (no `-wal` file beside it) that `forum export` reads.
    ///
    /// The copy is written under a temporary name beside `destination` and renamed when
    /// complete, so an interrupted backup never leaves a partial file under that name.
    ///
    /// - Throws: ``BackupError`` when `destination` exists or is this database, or SQLite's
    ///   error (disk full, no permission) with nothing left behind.
    public func backup(to destination: String) throws -> BackupSummary {
        let target = URL(fileURLWithPath: destination).standardizedFileURL
        if target.resolvingSymlinksInPath() == URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
        {
            throw BackupError.sameFile(path: destination)
        }
        guard !FileManager.default.fileExists(atPath: target.path) else {
            throw BackupError.destinationExists(path: destination)
        }
        let partial = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).partial-\(UUID().uuidString)")
        defer { Self.removeDatabaseFiles(at: partial.path) }
        let copy = try DatabaseQueue(path: partial.path)
        try pool.backup(to: copy)
        let counts = try copy.writeWithoutTransaction { db in
            // The source is in WAL mode and so is the copied header: make the copy a
            // rollback-journal database, complete in one file.
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
            let votes = try Int.fetchOne(db, sql: "SELECT count(*) FROM votes") ?? 0
            let rounds = try Int.fetchOne(db, sql: "SELECT count(*) FROM rounds") ?? 0
            return (votes, rounds)
        }
        try copy.close()
        try FileManager.default.moveItem(at: partial, to: target)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: target.path)[.size] as? Int) ?? 0
        return BackupSummary(path: destination, votes: counts.0, rounds: counts.1, bytes: bytes)
    }

    private static func removeDatabaseFiles(at path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }
}
