import ForumCore
import Foundation
import GRDB
import Testing

@testable import ForumStore

/// Migrations only add: a database an older build wrote (schema v1) keeps every row, gains
/// the `undos` table when the show opens it, and exports before that.
@Suite struct StoreMigrationTests {
    @Test func aVersion1DatabaseKeepsItsRowsAndGainsUndos() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("old.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v1")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO event (id, title) VALUES (1, 'Old event')")
            }
        }
        let reading = try ForumDatabase.openForReading(path: path)
        #expect(try reading.eventTitle() == "Old event")

        let database = try ForumDatabase(path: path)
        #expect(try database.eventTitle() == "Old event")
        try database.write(
            StoreFixtures.opening + [
                StoreFixtures.round("D1"),
                .undone(
                    UndoRecord(
                        runID: "R1", command: "choose", fromScene: "street", toScene: "kitchen", roundID: "D1",
                        roundStatus: .open, movedAt: StoreFixtures.time(5), at: StoreFixtures.time(9))),
            ])
        let row = try #require(try database.pool.read { try Row.fetchOne($0, sql: "SELECT * FROM undos") })
        #expect(row["undone_command"] as String == "choose")
        #expect(row["moved_at"] as String == "2025-05-14T09:00:05.000Z")
        #expect(row["undone_at"] as String == "2025-05-14T09:00:09.000Z")
    }

    @Test func anUndoRowNeedsARealRunAndARoundStatusWithItsRound() throws {
        let directory = try TemporaryDirectory()
        let database = try StoreFixtures.database(at: directory.path("show.sqlite"), devices: [])
        func undo(run: String, round: String?, status: RoundStatus?) -> ShowRecord {
            .undone(
                UndoRecord(
                    runID: run, command: "next", fromScene: "b", toScene: "a", roundID: round, roundStatus: status,
                    movedAt: StoreFixtures.time(5), at: StoreFixtures.time(6)))
        }
        #expect(throws: (any Error).self) { try database.write([undo(run: "R9", round: nil, status: nil)]) }
        #expect(throws: (any Error).self) { try database.write([undo(run: "R1", round: "D1", status: nil)]) }
        try database.write([undo(run: "R1", round: nil, status: nil)])
    }
}
