import ForumCore
import Foundation
import GRDB
import Testing

@testable import ForumStore

/// One show in several venues: a venue's database knows its name, stores the other venues'
/// votes once each, keeps late ones, refuses ones for rounds it never had, and hands its own
/// votes out in order (its outbox).
@Suite struct StoreVenueTests {
    static func remote(
        _ venue: String, _ sequence: Int64, _ device: String, _ option: String, round: String = "D1",
        place: Place? = nil, at seconds: Double = 4
    ) -> RemoteVote {
        RemoteVote(
            venue: venue, sequence: sequence,
            vote: VoteRecord(
                roundID: round, device: device, optionID: option, perspective: "carer", place: place,
                at: StoreFixtures.time(seconds)))
    }

    static func venueDatabase(_ directory: TemporaryDirectory, venue: String? = "cardiff") throws -> ForumDatabase {
        let database = try ForumDatabase(path: directory.path("show.sqlite"))
        try database.setVenue(venue)
        try database.write(StoreFixtures.opening + [StoreFixtures.round("D1")])
        return database
    }

    func rows(_ database: ForumDatabase) throws -> [Row] {
        try database.pool.read {
            try Row.fetchAll($0, sql: "SELECT device, option_id, venue, venue_sequence FROM votes ORDER BY id")
        }
    }

    @Test func aVoteDeliveredTwiceIsStoredOnce() throws {
        let directory = try TemporaryDirectory()
        let database = try Self.venueDatabase(directory)
        let votes = [Self.remote("bangor", 1, "b1", "police"), Self.remote("bangor", 2, "b2", "wait")]
        #expect(database.writeBatch([.remoteVotes(votes)]).isEmpty)
        #expect(database.writeBatch([.remoteVotes(votes), .remoteVotes([votes[1]])]).isEmpty)
        let stored = try rows(database)
        #expect(stored.map { $0["device"] as String } == ["b1", "b2"])
        #expect(stored.map { $0["venue"] as String } == ["bangor", "bangor"])
        #expect(stored.map { $0["venue_sequence"] as Int64 } == [1, 2])
        // The same number at another venue is another vote; the remote devices exist, token only.
        try database.write([.remoteVotes([Self.remote("wrexham", 1, "w1", "police")])])
        #expect(try rows(database).count == 3)
        let devices = try database.pool.read { try String.fetchAll($0, sql: "SELECT token FROM devices ORDER BY 1") }
        #expect(devices == ["b1", "b2", "w1"])
        #expect(try database.finalVotes().map(\.venue) == ["bangor", "bangor", "wrexham"])
    }

    @Test func theWriterThreadStoresRemoteVotesBesideTheShowsOwn() throws {
        let directory = try TemporaryDirectory()
        let database = try Self.venueDatabase(directory)
        let reports = StoreWriterTests.Reports()
        let writer = StoreWriter(database: database) { reports.record($0) }
        writer.submit(StoreFixtures.join("here"), ticket: 1)
        writer.submit(.remoteVotes([Self.remote("bangor", 1, "b1", "wait")]), ticket: 2)
        writer.submit(StoreFixtures.vote("here", "police"), ticket: 3)
        writer.submit(.remoteVotes([Self.remote("bangor", 2, "b2", "police", round: "D9")]), ticket: 4)
        writer.submit(.remoteVotes([Self.remote("bangor", 1, "b1", "wait")]), ticket: 5)
        writer.close()
        #expect(reports.committed == [1, 2, 3, 5])
        #expect(reports.failed.map(\.ticket) == [4])
        #expect(
            try rows(database).map { "\($0["device"] as String)@\($0["venue"] as String)" } == [
                "b1@bangor", "here@cardiff",
            ])
    }

    @Test func aRemoteVoteIntoAClosedRoundIsKeptButALocalOneIsNot() throws {
        let directory = try TemporaryDirectory()
        let database = try Self.venueDatabase(directory)
        try database.write([
            StoreFixtures.join("here"),
            .roundStatus(RoundStatusChange(roundID: "D1", status: .closed, at: StoreFixtures.time(5))),
        ])
        try database.write([.remoteVotes([Self.remote("bangor", 7, "late", "wait", at: 6)])])
        #expect(throws: (any Error).self) { try database.write([StoreFixtures.vote("here", "police", at: 7)]) }
        #expect(try database.tallies().first { $0.optionID == "wait" }?.byVenue == ["bangor": 1])
        #expect(try database.votesCastHere(after: 0, limit: 10).isEmpty)
    }

    @Test func aVoteForAnUnknownRoundIsRefusedAloneAndSafeToDeliverAgain() throws {
        let directory = try TemporaryDirectory()
        let database = try Self.venueDatabase(directory)
        let early = Self.remote("bangor", 3, "b3", "police", round: "D2")
        let failures = database.writeBatch([
            .remoteVotes([Self.remote("bangor", 1, "b1", "police")]), .remoteVotes([early]),
            .remoteVotes([Self.remote("bangor", 2, "b2", "nonsense")]), StoreFixtures.join("here"),
        ])
        #expect(failures == [1: "There is no vote round 'D2'.", 2: "Vote round 'D1' has no option 'nonsense'."])
        #expect(try rows(database).map { $0["device"] as String } == ["b1"])
        #expect(
            try database.pool.read {
                try Bool.fetchOne($0, sql: "SELECT EXISTS (SELECT 1 FROM devices WHERE token = 'here')")
            } == true)
        // Once the round is here, the same record goes in.
        try database.write([StoreFixtures.round("D2", at: 8)])
        #expect(database.writeBatch([.remoteVotes([early])]).isEmpty)
        #expect(try rows(database).map { $0["device"] as String } == ["b1", "b3"])
    }

    @Test func theOutboxHoldsTheVotesCastHereInOrder() throws {
        let directory = try TemporaryDirectory()
        let database = try Self.venueDatabase(directory)
        try database.write(
            ["a", "b", "c"].map { StoreFixtures.join($0) } + [
                StoreFixtures.vote("a", "police"), .remoteVotes([Self.remote("bangor", 1, "b1", "wait")]),
                StoreFixtures.vote("b", "wait"),
                StoreFixtures.vote("a", "police", perspective: "carer", reason: .perspective),
                StoreFixtures.vote("c", "crisis-line"),
            ])
        let all = try database.votesCastHere(after: 0, limit: 100)
        #expect(all.map(\.vote.device) == ["a", "b", "a", "c"])
        #expect(all.map(\.venue) == ["cardiff", "cardiff", "cardiff", "cardiff"])
        #expect(all.map(\.sequence) == [1, 3, 4, 5])
        #expect(all[2].vote.reason == .perspective && all[2].vote.perspective == "carer")
        #expect(all[0].vote.at == StoreFixtures.time(3))
        #expect(try database.votesCastHere(after: 1, limit: 2).map(\.sequence) == [3, 4])
        #expect(try database.votesCastHere(after: 5, limit: 2).isEmpty)
        #expect(try database.votesCastHereCount() == 4)
        #expect(try database.lastVoteCastHere() == 5)
        // The local rows carry the venue's name; another venue's copy of them is ignored here.
        #expect(
            try rows(database).map { $0["venue"] as String } == ["cardiff", "bangor", "cardiff", "cardiff", "cardiff"])
        try database.write([.remoteVotes(all)])
        #expect(try rows(database).count == 5)
        // What one venue sends, another stores.
        let bangorDirectory = try TemporaryDirectory()
        let bangor = try Self.venueDatabase(bangorDirectory, venue: "bangor")
        try bangor.write([.remoteVotes(try RemoteVote.votes(json: RemoteVote.json(of: all)))])
        #expect(
            try bangor.finalVotes().map { "\($0.device)@\($0.venue ?? "-")" } == [
                "b@cardiff", "a@cardiff", "c@cardiff",
            ])
    }

    @Test func aSingleMachineShowHasNoVenue() throws {
        let directory = try TemporaryDirectory()
        let database = try StoreFixtures.database(at: directory.path("show.sqlite"), devices: ["a"])
        try database.write([StoreFixtures.vote("a", "police")])
        #expect(try database.venue() == nil)
        #expect(try rows(database).map { $0["venue"] as String? } == [nil])
        #expect(throws: StoreError.noVenue(path: database.path)) { try database.votesCastHere(after: 0, limit: 1) }
        #expect(try database.tallies().first?.noVenue == 1)
        // Its votes were cast on a single machine: it cannot become a venue now.
        #expect(throws: StoreError.venueChanged(path: database.path, was: nil)) { try database.setVenue("cardiff") }
        #expect(throws: StoreError.badVenue("two words")) { try database.setVenue("two words") }
    }

    @Test func aVenueKeepsItsNameOnceItHasVotes() throws {
        let directory = try TemporaryDirectory()
        let database = try Self.venueDatabase(directory)
        try database.setVenue("cardiff")
        try database.setVenue("swansea")
        #expect(try database.venue() == "swansea")
        try database.write([StoreFixtures.join("a"), StoreFixtures.vote("a", "police")])
        try database.setVenue("swansea")
        #expect(throws: StoreError.venueChanged(path: database.path, was: "swansea")) {
            try database.setVenue("cardiff")
        }
        #expect(throws: (any Error).self) {
            try database.pool.write { try $0.execute(sql: "UPDATE votes SET venue = 'x'") }
        }
    }

    @Test func aVersion7DatabaseKeepsItsVotesAndGainsVenues() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("v7.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v7-votes-by-round")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO event (id, title) VALUES (1, 'Old event')")
                try db.execute(sql: "PRAGMA application_id = \(Schema.applicationID)")
            }
        }
        do {
            // An older build's show: its stage records (the writer's SQL for them is unchanged)
            // and a vote row as v7 wrote it, without a venue.
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                for record in StoreFixtures.opening + [StoreFixtures.round("D1"), StoreFixtures.join("a")] {
                    try RecordWriter.apply(record, in: db)
                }
                try db.execute(
                    sql: """
                        INSERT INTO votes (round_id, device, option_id, perspective, reason, cast_at, place)
                        VALUES ('D1', 'a', 'police', NULL, 'vote', '2025-05-14T09:00:03.000Z', 'room')
                        """)
            }
        }
        let reading = try ForumDatabase.openForReading(path: path)
        #expect(try reading.finalVotes().map { "\($0.device) \($0.optionID) \($0.venue ?? "-")" } == ["a police -"])
        #expect(try reading.tallies().first?.noVenue == 1)
        #expect(try reading.venue() == nil)

        let database = try ForumDatabase(path: path)
        #expect(try database.eventTitle() == "Old event")
        #expect(
            try database.finalVotes().map { "\($0.device) \($0.optionID) \($0.place?.rawValue ?? "-")" } == [
                "a police room"
            ])
        // The trigger still refuses a local vote in a closed round, and the append-only ones stay.
        try database.write([.roundStatus(RoundStatusChange(roundID: "D1", status: .closed, at: StoreFixtures.time(5)))])
        #expect(throws: (any Error).self) { try database.write([StoreFixtures.vote("a", "wait", at: 6)]) }
        #expect(throws: (any Error).self) { try database.pool.write { try $0.execute(sql: "DELETE FROM votes") } }
        try database.write([.remoteVotes([Self.remote("bangor", 1, "b1", "wait", at: 6)])])
        #expect(try database.finalVotes().count == 2)
    }
}
