import ForumCore
import Foundation
import GRDB

extension ForumDatabase {
    /// Applies `records` in order in one transaction: all are stored, or none (the error is
    /// rethrown). Idempotent where that is natural: a device that joins again keeps its row,
    /// a session entered again keeps its first entry time (its title is updated), a run ended
    /// twice keeps its first end time.
    public func write(_ records: [ShowRecord]) throws {
        guard !records.isEmpty else { return }
        try pool.write { db in
            for record in records {
                try RecordWriter.apply(record, in: db)
            }
        }
    }

    /// Sets the event's title (shown in exports).
    public func setEventTitle(_ title: String) throws {
        try pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO event (id, title) VALUES (1, ?)
                    ON CONFLICT (id) DO UPDATE SET title = excluded.title
                    """,
                arguments: [title])
        }
    }

    /// The event's title, nil until one is set.
    public func eventTitle() throws -> String? {
        try pool.read { try String.fetchOne($0, sql: "SELECT title FROM event WHERE id = 1") }
    }

    /// Writes a batch for the ``StoreWriter``: one transaction and one commit whatever
    /// happens. Returns the failure message of each record that could not be stored, by index
    /// in `records` (empty when all were stored).
    func writeBatch(_ records: [ShowRecord]) -> [Int: String] {
        writeBatchOutcome(records).failures
    }

    /// ``writeBatch(_:)`` that also says whether the failure is the disk's, not the records'
    /// (`transient`: the disk is full, an I/O error, the file is busy or locked): then
    /// nothing of the batch was stored and the same records can be written again later.
    ///
    /// The batch is first written as a whole. If that fails, it is written again in one
    /// transaction with a savepoint around each record, so a bad record is rolled back alone
    /// and the others are still committed. If the transaction itself fails (disk full, I/O
    /// error), every record gets that error.
    func writeBatchOutcome(_ records: [ShowRecord]) -> (failures: [Int: String], transient: Bool) {
        do {
            try write(records)
            return ([:], false)
        } catch {
            if records.count == 1 { return ([0: StoreError.message(for: error)], StoreError.isTransient(error)) }
        }
        var failures: [Int: String] = [:]
        do {
            try pool.write { db in
                failures.removeAll()
                for (index, record) in records.enumerated() {
                    do {
                        try db.inSavepoint {
                            try RecordWriter.apply(record, in: db)
                            return .commit
                        }
                    } catch {
                        // SQLite rolls the whole transaction back on some errors (I/O, full
                        // disk): then nothing of this batch can be committed.
                        guard db.isInsideTransaction, !StoreError.isTransient(error) else { throw error }
                        failures[index] = StoreError.message(for: error)
                    }
                }
            }
            return (failures, false)
        } catch {
            let message = StoreError.message(for: error)
            return (
                Dictionary(uniqueKeysWithValues: records.indices.map { ($0, message) }), StoreError.isTransient(error)
            )
        }
    }
}
