import ForumCore
import ForumExport
import Foundation
import GRDB
import Testing

@testable import ForumStore

/// Where people take part from in the store (migration "v6-place"): kept with the device and
/// each vote row, read back for a restart, in the export, and a v4 database keeps every vote.
@Suite struct StorePlaceTests {
    typealias F = StoreFixtures

    static func vote(_ device: String, _ option: String, place: Place?, reason: VoteReason = .vote, at: Double = 3)
        -> ShowRecord
    {
        .vote(
            VoteRecord(
                roundID: "D1", device: device, optionID: option, perspective: nil, place: place, reason: reason,
                at: F.time(at)))
    }

    @Test func placesAreKeptWithDevicesAndVotesAndReadBack() throws {
        let directory = try TemporaryDirectory()
        let database = try F.database(at: directory.path("show.sqlite"), devices: ["a", "b", "c"])
        try database.write([
            .devicePlace(DevicePlace(device: "a", place: .remote, at: F.time(2))),
            Self.vote("a", "police", place: .remote),
            Self.vote("b", "wait", place: nil),
            .devicePlace(DevicePlace(device: "a", place: .room, at: F.time(4))),
            Self.vote("a", "police", place: .room, reason: .place, at: 4),
        ])
        #expect(try database.devices().map(\.place) == [.room, nil, nil])
        let latest = try database.latestVotes(round: "D1")
        #expect(latest.first { $0.device == "a" }?.place == .room)
        let logged = try database.pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM device_places") }
        #expect(logged == 2)

        let results = try database.results()
        let a = try #require(results.finalVotes.first { $0.device == "a" })
        #expect(a.place == .room && a.timesChanged == 0, "a change of place is not a change of vote")
        let police = try #require(results.tallies.first { $0.optionID == "police" })
        #expect(police.byPlace == [.room: 1] && police.noPlace == 0)
        let wait = try #require(results.tallies.first { $0.optionID == "wait" })
        #expect(wait.byPlace.isEmpty && wait.noPlace == 1)

        let documents = Dictionary(uniqueKeysWithValues: try Exporter.documents(for: results).map { ($0.name, $0) })
        let votes = try #require(documents["votes.csv"]).contents
        #expect(votes.contains(",voter,place,venue\r\n"))
        // Voter keys are random per export (VoterKeysTests); the place follows the key.
        #expect(votes.contains(/,police,Call the police,,2025-05-14T09:00:03.000Z,0,V[2-9a-z]{8},room,\r\n/))
        #expect(votes.contains(/,wait,Wait and see,,2025-05-14T09:00:03.000Z,0,V[2-9a-z]{8},,\r\n/))
        let rounds = try #require(documents["rounds.csv"]).contents
        #expect(rounds.contains(",no_perspective,place_room,place_remote,no_place,no_venue,from_audience\r\n"))
        // count, no_perspective, place_room, place_remote, no_place, no_venue, from_audience
        #expect(rounds.contains("Call the police,1,1,1,0,0,1,no\r\n"))
        #expect(rounds.contains("Wait and see,1,1,0,0,1,1,no\r\n"))
    }

    @Test func theSchemaRefusesAPlaceItDoesNotKnow() throws {
        let directory = try TemporaryDirectory()
        let database = try F.database(at: directory.path("show.sqlite"), devices: ["a"])
        #expect(throws: (any Error).self) {
            try database.pool.write { try $0.execute(sql: "UPDATE devices SET place = 'garden' WHERE token = 'a'") }
        }
        try database.write([Self.vote("a", "police", place: .remote)])
        #expect(throws: (any Error).self) {
            try database.pool.write { try $0.execute(sql: "UPDATE votes SET place = 'room'") }
        }
        #expect(throws: (any Error).self) { try database.pool.write { try $0.execute(sql: "DELETE FROM votes") } }
    }

    @Test func aVersion4DatabaseKeepsEveryVoteAndItsRules() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("v4.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v4")
            try queue.write { db in
                for record in F.opening + [F.round("D1"), F.join("a"), F.join("b"), F.vote("a", "police")]
                    + [F.vote("b", "wait", perspective: "police"), F.vote("a", "wait", at: 5)]
                {
                    // Rows as a v4 build wrote them (no place column yet).
                    if case .vote(let vote) = record {
                        try db.execute(
                            sql: """
                                INSERT INTO votes (round_id, device, option_id, perspective, reason, cast_at)
                                VALUES (?, ?, ?, ?, ?, ?)
                                """,
                            arguments: [
                                vote.roundID, vote.device, vote.optionID, vote.perspective, vote.reason.rawValue,
                                StoreTime.text(vote.at),
                            ])
                    } else {
                        try RecordWriter.apply(record, in: db)
                    }
                }
            }
        }
        let database = try ForumDatabase(path: path)
        let rows = try database.pool.read {
            try Row.fetchAll($0, sql: "SELECT id, device, option_id, perspective, place FROM votes ORDER BY id")
        }
        #expect(rows.map { $0["id"] as Int } == [1, 2, 3])
        #expect(rows.map { $0["option_id"] as String } == ["police", "wait", "wait"])
        #expect(rows.allSatisfy { ($0["place"] as String?) == nil })
        let finals = try database.results().finalVotes
        #expect(finals.map(\.device) == ["b", "a"] && finals.map(\.timesChanged) == [0, 1])
        let triggers = try database.pool.read {
            try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        }
        #expect(triggers.contains("votes_are_append_only_update") && triggers.contains("votes_need_an_open_round"))
        try database.write([F.join("c"), Self.vote("c", "police", place: .remote, at: 6)])
        #expect(try database.latestVotes(round: "D1").first { $0.device == "c" }?.place == .remote)
    }
}
