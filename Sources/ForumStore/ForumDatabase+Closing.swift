import GRDB

extension ForumDatabase {
    /// Closes the database at the end of a show: the write-ahead log is folded into the
    /// database file and emptied (a checkpoint in `TRUNCATE` mode), so the file left behind is
    /// complete on its own and can be copied or mailed as it is. Nothing is lost if this is
    /// skipped (SQLite replays the log at the next open); a checkpoint blocked by a reader
    /// (an export still running) is left for next time.
    ///
    /// Call it once nothing else writes (after ``StoreWriter/close()``). Afterwards every
    /// use of this database fails.
    public func close() {
        if !isReadOnly {
            _ = try? pool.writeWithoutTransaction { db in
                try db.checkpoint(.truncate)
            }
        }
        try? pool.close()
        releaseLock()
    }
}
