import ForumCore
import Foundation
import GRDB
import Testing

@testable import ForumStore

/// The schema and its invariants, on a real SQLite file.
@Suite struct StoreSchemaTests {
    @Test func createsTheSchemaOnceAndReopens() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("show.sqlite")
        do {
            let database = try ForumDatabase(path: path)
            let tables = try database.pool.read { db in
                try String.fetchAll(
                    db,
                    sql:
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
                )
            }
            #expect(
                tables == [
                    "audience_options", "device_perspectives", "device_places", "devices", "event",
                    "facilitator_notes", "grdb_migrations", "moderation_log", "proposals", "round_options", "rounds",
                    "scenes_shown", "session_entries", "sessions", "shared_stage", "show_finishes", "show_snapshot",
                    "stage_moves",
                    "stop_acknowledgements", "stops", "story_runs", "this_venue", "undos", "votes",
                ])
            let triggers = try database.pool.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
            }
            #expect(
                triggers == [
                    "moderation_log_no_delete", "moderation_log_no_update", "votes_are_append_only_delete",
                    "votes_are_append_only_update", "votes_need_an_open_round",
                ])
            try database.setEventTitle("Crisis care day")
        }
        let reopened = try ForumDatabase(path: path)
        let migrations = try reopened.pool.read {
            try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(
            migrations == [
                "v1", "v2", "v3", "v4", "v5-room-voice", "v6-place", "v7-votes-by-round", "v8-venues",
                "v9-shared-stage",
            ])
        #expect(try reopened.eventTitle() == "Crisis care day")
    }

    /// Votes are indexed by round alone: entries in the order votes are cast, so a commit of
    /// many votes fills few index pages (random device tokens in the key put each vote on its
    /// own page). The queries that read a round's latest votes still use the index.
    @Test func votesAreIndexedByRoundInTheOrderTheyAreCast() throws {
        let directory = try TemporaryDirectory()
        let database = try ForumDatabase(path: directory.path("show.sqlite"))
        let (indexes, plan) = try database.pool.read { db in
            (
                try String.fetchAll(
                    db,
                    sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'votes' ORDER BY name"),
                try Row.fetchAll(
                    db,
                    sql: """
                        EXPLAIN QUERY PLAN SELECT max(id) FROM votes WHERE round_id = 'D1' GROUP BY device
                        """
                ).map { $0["detail"] as String }.joined(separator: " ")
            )
        }
        // *(addition)* Remote votes only: (venue, venue_sequence) is unique where it is set.
        #expect(indexes == ["votes_by_round", "votes_by_venue_sequence"])
        #expect(plan.contains("votes_by_round"))
    }

    @Test func writerIsWALWithFullSynchronousAndForeignKeys() throws {
        let directory = try TemporaryDirectory()
        let database = try ForumDatabase(path: directory.path("show.sqlite"))
        let (journal, synchronous, foreignKeys) = try database.pool.writeWithoutTransaction { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                try Int.fetchOne(db, sql: "PRAGMA foreign_keys")
            )
        }
        #expect(journal == "wal")
        #expect(synchronous == 2)
        #expect(foreignKeys == 1)
    }

    @Test func refusesVotesTheShowCouldNotHaveTaken() throws {
        let directory = try TemporaryDirectory()
        let database = try StoreFixtures.database(at: directory.path("show.sqlite"), devices: ["a"])
        typealias F = StoreFixtures
        #expect(throws: DatabaseError.self) { try database.write([F.vote("a", "no-such-option")]) }
        #expect(throws: DatabaseError.self) { try database.write([F.vote("a", "police", round: "D9")]) }
        #expect(throws: DatabaseError.self) { try database.write([F.vote("stranger", "police")]) }
        try database.write([.roundStatus(RoundStatusChange(roundID: "D1", status: .closed, at: F.time(4)))])
        #expect(throws: DatabaseError.self) { try database.write([F.vote("a", "police")]) }
        #expect(try database.latestVotes(round: "D1").isEmpty)
    }

    @Test func votesAreAppendOnly() throws {
        let directory = try TemporaryDirectory()
        let database = try StoreFixtures.database(at: directory.path("show.sqlite"), devices: ["a"])
        try database.write([StoreFixtures.vote("a", "police")])
        let update = #expect(throws: DatabaseError.self) {
            try database.pool.write { try $0.execute(sql: "UPDATE votes SET option_id = 'wait'") }
        }
        #expect(update?.message == "votes are append-only: a change of vote is a new row")
        #expect(throws: DatabaseError.self) {
            try database.pool.write { try $0.execute(sql: "DELETE FROM votes") }
        }
        #expect(
            try database.latestVotes(round: "D1") == [LatestVote(device: "a", optionID: "police", perspective: nil)])
    }

    @Test func checksStatusesAndTimesInTheSchema() throws {
        let directory = try TemporaryDirectory()
        let database = try StoreFixtures.database(at: directory.path("show.sqlite"), devices: [])
        let refused = [
            "UPDATE rounds SET status = 'paused'",
            "UPDATE rounds SET status = 'closed'",  // a closed round needs its close time
            "UPDATE rounds SET opened_at = '14/05/2025 09:00'",
            "INSERT INTO devices (token, joined_at) VALUES ('', '2025-05-14T09:00:00.000Z')",
            "INSERT INTO event (id, title) VALUES (2, 'A second event')",
        ]
        for sql in refused {
            #expect(throws: DatabaseError.self, "\(sql)") { try database.pool.write { try $0.execute(sql: sql) } }
        }
    }

    @Test func aBatchIsAllOrNothing() throws {
        let directory = try TemporaryDirectory()
        let database = try StoreFixtures.database(at: directory.path("show.sqlite"), devices: ["a"])
        #expect(throws: DatabaseError.self) {
            try database.write([
                StoreFixtures.join("b"), StoreFixtures.vote("a", "police"), StoreFixtures.vote("a", "nope"),
            ])
        }
        #expect(try database.devices() == [StoredDevice(token: "a", perspective: nil)])
        #expect(try database.latestVotes(round: "D1").isEmpty)
    }

    @Test func repeatedJoinsAndSessionEntriesAreIdempotent() throws {
        let directory = try TemporaryDirectory()
        let database = try StoreFixtures.database(at: directory.path("show.sqlite"), devices: ["a"])
        try database.write([
            .devicePerspective(DevicePerspective(device: "a", perspective: "carer", at: StoreFixtures.time(5))),
            StoreFixtures.join("a", at: 6),
            .sessionEntered(SessionEntry(sessionID: "morning", title: "Morning (renamed)", at: StoreFixtures.time(7))),
        ])
        #expect(try database.devices() == [StoredDevice(token: "a", perspective: "carer")])
        let (session, entries) = try database.pool.read { db in
            (
                try Row.fetchOne(db, sql: "SELECT title, first_entered_at FROM sessions"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM session_entries")
            )
        }
        #expect(session?["title"] == "Morning (renamed)")
        #expect(session?["first_entered_at"] == "2025-05-14T09:00:00.000Z")
        #expect(entries == 2)
    }

    @Test func refusesUnknownRunsRoundsAndDevicesInUpdates() throws {
        let directory = try TemporaryDirectory()
        let database = try StoreFixtures.database(at: directory.path("show.sqlite"), devices: [])
        let at = StoreFixtures.time(9)
        #expect(throws: StoreError.unknownRun("R7")) { try database.write([.runEnded(RunEnd(runID: "R7", at: at))]) }
        #expect(throws: StoreError.unknownRound("D7")) {
            try database.write([.roundStatus(RoundStatusChange(roundID: "D7", status: .closed, at: at))])
        }
        #expect(throws: StoreError.unknownDevice("x")) {
            try database.write([.devicePerspective(DevicePerspective(device: "x", perspective: nil, at: at))])
        }
    }

    @Test func roundTimesFollowTheStatus() throws {
        let directory = try TemporaryDirectory()
        let database = try StoreFixtures.database(at: directory.path("show.sqlite"), devices: [])
        func status(_ status: RoundStatus, _ seconds: Double) -> ShowRecord {
            .roundStatus(RoundStatusChange(roundID: "D1", status: status, at: StoreFixtures.time(seconds)))
        }
        func times() throws -> [String?] {
            try database.pool.read { db in
                let row = try Row.fetchOne(db, sql: "SELECT status, closed_at, revealed_at FROM rounds WHERE id = 'D1'")
                return [row?["status"], row?["closed_at"], row?["revealed_at"]]
            }
        }
        try database.write([status(.closed, 10)])
        #expect(try times() == ["closed", "2025-05-14T09:00:10.000Z", nil])
        try database.write([status(.open, 11)])
        #expect(try times() == ["open", nil, nil])
        try database.write([status(.revealed, 12)])
        #expect(try times() == ["revealed", "2025-05-14T09:00:12.000Z", "2025-05-14T09:00:12.000Z"])
    }

    @Test func openForReadingNeverCreatesADatabase() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path("missing.sqlite")
        #expect(throws: StoreError.noDatabase(path: missing)) { try ForumDatabase.openForReading(path: missing) }
        #expect(!FileManager.default.fileExists(atPath: missing))

        let text = directory.path("notes.txt")
        try Data("not a database, just notes\n".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: StoreError.unknownSchema(path: text)) { try ForumDatabase.openForReading(path: text) }

        let foreign = directory.path("foreign.sqlite")
        try DatabaseQueue(path: foreign).write { try $0.execute(sql: "CREATE TABLE t (x)") }
        #expect(throws: StoreError.unknownSchema(path: foreign)) { try ForumDatabase.openForReading(path: foreign) }
    }

    @Test func readOnlyDatabasesRefuseWrites() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("show.sqlite")
        _ = try StoreFixtures.database(at: path, devices: ["a"])
        // Closed cleanly: SQLite has checkpointed and removed the WAL; a reader still opens.
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let reader = try ForumDatabase.openForReading(path: path)
        #expect(reader.isReadOnly)
        #expect(try reader.devices() == [StoredDevice(token: "a", perspective: nil)])
        #expect(throws: DatabaseError.self) { try reader.write([StoreFixtures.join("a")]) }
    }

    @Test func timesAreISO8601WithMilliseconds() throws {
        let samples: [(Double, String)] = [
            (0, "1970-01-01T00:00:00.000Z"),
            (1_747_213_200.1239, "2025-05-14T09:00:00.124Z"),
            (951_782_400 - 0.5, "2000-02-28T23:59:59.500Z"),
            (951_868_799.999, "2000-02-29T23:59:59.999Z"),
            (-1.25, "1969-12-31T23:59:58.750Z"),
        ]
        for (seconds, text) in samples {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(StoreTime.text(date) == text)
            let parsed = try #require(StoreTime.date(text))
            #expect(abs(parsed.timeIntervalSince1970 - seconds) < 0.001)
        }
        #expect(StoreTime.date("2025-05-14 09:00:00.000Z") == nil)
        #expect(StoreTime.date("2025-13-14T09:00:00.000Z") == nil)
    }
}
