import ForumCore
import ForumStore
import Foundation
import Testing

@testable import ForumReport

/// The report's split by place: exact in the organisers' edition; in the community edition
/// the room's rule by place, and only for a round shown by no perspective group.
@Suite("Report: in the room or remote")
struct ReportPlaceTests {
    /// One round D1 of `ballots` (device, option, perspective, place).
    static func results(_ ballots: [(String, String, String?, Place?)]) -> ShowResults {
        let context = ReportBuilderTests.context
        let votes = ballots.map {
            FinalVote(
                round: context, device: $0.0, optionID: $0.1, optionLabel: $0.1, perspective: $0.2,
                votedAt: Date(timeIntervalSince1970: 0), timesChanged: 0, place: $0.3)
        }
        let tallies = ReportBuilderTests.options.enumerated().map { position, option in
            let mine = ballots.filter { $0.1 == option }
            var tally = OptionTally(
                round: context, position: position, optionID: option, optionLabel: option, count: mine.count,
                byPerspective: Dictionary(grouping: mine.compactMap(\.2), by: { $0 }).mapValues(\.count),
                noPerspective: mine.filter { $0.2 == nil }.count)
            tally.byPlace = Dictionary(grouping: mine.compactMap(\.3), by: { $0 }).mapValues(\.count)
            tally.noPlace = mine.filter { $0.3 == nil }.count
            return tally
        }
        return ShowResults(finalVotes: votes, tallies: tallies)
    }

    func round(_ results: ShowResults, _ edition: ReportEdition) -> RoundReport {
        ReportBuilder(
            results: results, stage: ReportBuilderTests.stage(replay: false), eventTitle: "Day", programme: nil,
            edition: edition
        ).build().rounds[0]
    }

    @Test func fiveInTheRoomAndFiveRemoteAreShownByPlace() {
        let ballots =
            (0..<5).map { ("r\($0)", "police", String?.none, Optional(Place.room)) }
            + (0..<5).map { ("m\($0)", "crisis", String?.none, Optional(Place.remote)) }
        let community = round(Self.results(ballots), .community)
        #expect(community.byPlace.map(\.group) == ["room", "remote"])
        #expect(community.byPlace.map(\.votes) == [["police": 5, "crisis": 0], ["police": 0, "crisis": 5]])
        #expect(community.hiddenPlaces.isEmpty && community.placeWithheld == nil)
        let report = ReportBuilder(
            results: Self.results(ballots), stage: ReportBuilderTests.stage(replay: false), eventTitle: "Day",
            programme: nil, edition: .community
        ).build()
        let html = ReportHTML(report: report, stories: []).render()
        #expect(html.contains("<caption>Votes by place</caption>"))
        #expect(html.contains("<th scope=\"row\">Following remotely</th><td>5</td>"))
    }

    @Test func fiveInTheRoomAndTwoRemoteShowNoSplitByPlaceToTheCommunity() {
        let ballots =
            (0..<5).map { ("r\($0)", "police", String?.none, Optional(Place.room)) }
            + (0..<2).map { ("m\($0)", "crisis", String?.none, Optional(Place.remote)) }
        let community = round(Self.results(ballots), .community)
        #expect(community.byPlace.isEmpty, "the room row would give the two remote votes away")
        #expect(community.hiddenPlaces == ["room", "remote"])
        let organisers = round(Self.results(ballots), .organisers)
        #expect(organisers.byPlace.map(\.group) == ["room", "remote"])
        #expect(organisers.byPlace.map(\.voters) == [5, 2])
    }

    @Test func aRoundShownByPerspectiveIsNotAlsoShownByPlace() {
        let ballots =
            (0..<6).map { ("p\($0)", "police", "police", Optional(Place.room)) }
            + (0..<5).map { ("m\($0)", "crisis", String?.none, Optional(Place.remote)) }
        let community = round(Self.results(ballots), .community)
        #expect(!community.byPerspective.isEmpty)
        #expect(community.byPlace.isEmpty && community.placeWithheld == "one_split_per_round")
        let organisers = round(Self.results(ballots), .organisers)
        #expect(organisers.byPlace.map(\.voters) == [6, 5] && organisers.placeWithheld == nil)
    }

    @Test func nobodySayingAPlaceShowsNothingByPlace() {
        let ballots = (0..<6).map { ("p\($0)", "police", "police", Optional<Place>.none) }
        for edition in [ReportEdition.community, .organisers] {
            let report = round(Self.results(ballots), edition)
            #expect(report.byPlace.isEmpty && report.hiddenPlaces.isEmpty && report.placeWithheld == nil)
        }
    }
}
