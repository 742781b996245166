import GRDB

extension Schema {
    /// SQLite's `application_id` for a Forum database: "Foru" in ASCII, so `file(1)` and
    /// SQLite tools can tell Forum's files from others.
    static let applicationID: Int32 = 0x466F_7275

    /// Claims the database for Forum: an empty database (a new file) is marked as Forum's;
    /// one marked already, or made by a Forum from before the mark (its migrations table
    /// lists Forum's first migration), is Forum's. Anything else is another program's and is
    /// left untouched: returns false.
    static func claim(_ db: Database) throws -> Bool {
        let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if id == applicationID { return true }
        guard id == 0 else { return false }
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view', 'index', 'trigger')")
        if !tables.isEmpty {
            guard tables.contains("grdb_migrations"),
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = 'v1')")
                    == true
            else { return false }
        }
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        return true
    }
}
