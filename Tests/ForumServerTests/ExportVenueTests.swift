import ForumCore
import ForumExport
import Foundation
import Testing

@testable import ForumStore

/// The export of a show held in several venues: each final vote says its venue, and each
/// round's counts are split by venue, exactly (the files are the organisers').
@Suite struct ExportVenueTests {
    @Test func votesAndRoundsSayTheirVenue() throws {
        let directory = try TemporaryDirectory()
        let database = try StoreVenueTests.venueDatabase(directory)
        try database.write([
            StoreFixtures.join("here"), StoreFixtures.vote("here", "police"),
            .remoteVotes([
                StoreVenueTests.remote("bangor", 1, "b1", "police"), StoreVenueTests.remote("bangor", 2, "b2", "wait"),
                StoreVenueTests.remote("wrexham", 1, "w1", "police"),
            ]),
        ])
        let documents = Dictionary(
            uniqueKeysWithValues: try Exporter.documents(for: try database.results()).map { ($0.name, $0.contents) })
        let votes = try #require(documents["votes.csv"]).split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(votes[0].last == "venue")
        #expect(votes.dropFirst().map { $0.last.map(String.init) } == ["cardiff", "bangor", "bangor", "wrexham"])
        let rounds = try #require(documents["rounds.csv"])
        #expect(
            rounds.contains(
                ",place_room,place_remote,no_place,venue_bangor,venue_cardiff,venue_wrexham,no_venue,from_audience\r\n")
        )
        // count, perspective_carer (the remote ones), no_perspective, places, venues, from_audience:
        // police 3 = bangor 1 + cardiff 1 + wrexham 1; wait is bangor's one.
        #expect(rounds.contains(",police,Call the police,3,2,1,0,0,3,1,1,1,0,no\r\n"))
        #expect(rounds.contains(",wait,Wait and see,1,1,0,0,0,1,1,0,0,0,no\r\n"))
        let json = try ExportJSON.rows(text: try #require(documents["rounds.json"]))
        #expect(json[0]["by_venue"] == .object([("bangor", .int(1)), ("cardiff", .int(1)), ("wrexham", .int(1))]))
        #expect(json[0]["no_venue"] == .int(0))
        let voteObjects = try ExportJSON.rows(text: try #require(documents["votes.json"]))
        #expect(voteObjects.map { $0["venue"]?.stringValue } == ["cardiff", "bangor", "bangor", "wrexham"])
    }
}
