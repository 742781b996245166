import GRDB

/// Migration "v9-shared-stage" *(addition)*: `shared_stage` (one row, id 1, or none) keeps
/// the revision of a shared show's entry that this database (a venue's, or the archive) is
/// at, written with the records that entry brought, so a restart follows on from it.
extension Schema {
    static let version9SharedStage = """
        CREATE TABLE shared_stage (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            revision INTEGER NOT NULL CHECK (revision >= 0)
        );
        """
}

extension ForumDatabase {
    /// The revision of the shared entry this database is at (nil: none kept).
    public func sharedRevision() throws -> UInt64? {
        try pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT revision FROM shared_stage WHERE id = 1").map { UInt64($0) }
        }
    }

    /// The ids of every round this database has opened.
    public func roundIDs() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT id FROM rounds") }
    }
}
