import ForumCore
import Foundation
import GRDB
import Testing

@testable import ForumStore

/// The writer when the disk is full, for real: SQLite's own limit on the file's pages
/// (`PRAGMA max_page_count`) makes every write that needs a new page fail with
/// SQLITE_FULL, as a full disk does; raising it is the disk getting room again.
@Suite struct StoreRecoveryTests {
    typealias F = StoreFixtures

    /// Caps the file at the pages it has: a record too large for the free room left in them
    /// then fails as on a full disk.
    static func capAtCurrentSize(_ database: ForumDatabase) throws {
        try database.pool.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
    }

    static func waitFor(_ condition: () -> Bool) {
        let deadline = Date().addingTimeInterval(10)
        while !condition(), Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    }

    @Test func aFullDiskFailsTheVotesKeepsTheShowsRecordsAndRecoversByItself() throws {
        let directory = try TemporaryDirectory()
        let devices = (0..<20).map { "device-\($0)" }
        let database = try F.database(at: directory.path("show.sqlite"), devices: devices)
        try Self.capAtCurrentSize(database)
        let reports = StoreWriterTests.Reports()
        let writer = StoreWriter(database: database) { reports.record($0) }
        // A question of 20 KB needs new (overflow) pages whatever room the others have.
        writer.submit(F.round("D2", question: String(repeating: "What now? ", count: 2000), at: 100), ticket: 1)
        writer.submit(F.vote("device-1", "wait", round: "D2", at: 101), ticket: 2)
        Self.waitFor { reports.all.contains { $0.retrying != nil } }
        let trouble = try #require(reports.all.first { $0.retrying != nil })
        #expect(trouble.retrying?.contains("full") == true)
        #expect(trouble.failed.map(\.ticket) == [2])
        #expect(reports.committed.isEmpty)
        #expect(writer.backlog == 1)
        // Still failing a while later: the round is still kept, nothing is lost.
        Thread.sleep(forTimeInterval: 0.4)
        #expect(reports.committed.isEmpty)
        #expect(reports.failed.map(\.ticket) == [2])

        // The disk has room again: the kept round is written with no help.
        try database.pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA max_page_count = 1000000") }
        Self.waitFor { reports.committed.contains(1) }
        #expect(reports.committed == [1])
        writer.submit(F.vote("device-1", "wait", round: "D2", at: 102), ticket: 3)
        writer.close()
        #expect(reports.committed == [1, 3])
        #expect(reports.all.last?.retrying == nil)
        let latest = try database.latestVotes(round: "D2")
        #expect(latest.count == 1)
    }
}
