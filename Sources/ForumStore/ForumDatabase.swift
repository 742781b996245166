import Foundation
import GRDB

/// The show's SQLite database: every vote, run and round, and the show's position.
///
/// One `DatabasePool` in WAL mode: one writer connection (used by ``StoreWriter`` or
/// ``write(_:)``) and concurrent readers, so an export can read a consistent snapshot while the
/// show is writing, even from another process. The writer runs `synchronous = FULL`: a
/// committed transaction survives a power cut, which is what an acknowledged vote promises.
/// Foreign keys are enforced. The schema is described on ``Schema``.
public final class ForumDatabase: Sendable {
    /// The database file.
    public let path: String
    /// True when opened with ``openForReading(path:)``: every write fails.
    public let isReadOnly: Bool
    let pool: DatabasePool
    /// The show's hold on the file; nil for readers.
    private let lock: ShowFileLock?

    /// Opens the database at `path` for the show, creating the file and its schema if needed.
    /// The show holds the file until it is closed (see ``ShowFileLock``).
    ///
    /// - Throws: ``StoreError/inUse(path:)`` while another show has the file open,
    ///   ``StoreError/foreignDatabase(path:)`` for another program's database (nothing is
    ///   added to it), ``StoreError/newerSchema(path:)`` for a database from a newer Forum, or
    ///   SQLite's error when the file cannot be opened or is not a database.
    public convenience init(path: String) throws {
        let pool = try DatabasePool(path: path, configuration: Self.configuration(readOnly: false))
        let lock = try ShowFileLock(path: path)
        // DatabasePool sets `synchronous = NORMAL` itself once the connection is open (after
        // `prepareDatabase`), so FULL must be set here, afterwards, on the writer connection.
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let migrator = Schema.migrator
        try pool.writeWithoutTransaction { db in
            guard try Schema.claim(db) else { throw StoreError.foreignDatabase(path: path) }
        }
        if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
            throw StoreError.newerSchema(path: path)
        }
        try migrator.migrate(pool)
        self.init(pool: pool, path: path, isReadOnly: false, lock: lock)
    }

    /// Opens an existing database read-only, for exports and reports. Safe while the show is
    /// writing to it (WAL readers see the last commit and never block the writer).
    ///
    /// - Throws: ``StoreError/noDatabase(path:)`` when there is no such file (no empty
    ///   database is created), ``StoreError/unknownSchema(path:)`` when the file is not a
    ///   Forum database this build can read.
    public static func openForReading(path: String) throws -> ForumDatabase {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
        else { throw StoreError.noDatabase(path: path) }
        let pool: DatabasePool
        let complete: Bool
        do {
            pool = try DatabasePool(path: path, configuration: configuration(readOnly: true))
            let migrator = Schema.migrator
            // v1 holds every table an export reads: a database written by an older build
            // (before `undos`, v2) exports as it is, without being changed.
            complete = try pool.read { try migrator.appliedIdentifiers($0).contains("v1") }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.unknownSchema(path: path)
        }
        guard complete else { throw StoreError.unknownSchema(path: path) }
        return ForumDatabase(pool: pool, path: path, isReadOnly: true, lock: nil)
    }

    private init(pool: DatabasePool, path: String, isReadOnly: Bool, lock: ShowFileLock?) {
        self.pool = pool
        self.path = path
        self.isReadOnly = isReadOnly
        self.lock = lock
    }

    /// Lets another show open the file (see ``close()``).
    func releaseLock() {
        lock?.release()
    }

    private static func configuration(readOnly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.foreignKeysEnabled = true
        configuration.label = "forum"
        // Waits instead of failing at once if another process holds a lock (a second server
        // on the same file, or a checkpoint); WAL readers normally never wait.
        configuration.busyMode = .timeout(5)
        return configuration
    }
}
