import ForumCore
import ForumStore
import Foundation
import Testing

@testable import ForumReport

/// A show held in three venues, read from a real database (one venue's own votes and the
/// other two venues' votes as it stored them): the report says which venues took part and
/// splits each round by venue under the room's rule; a venue of 3 people has no count that
/// can be read or worked out. With one venue, nothing of it appears.
@Suite("Report: one show in several venues")
struct ReportVenueTests {
    static func time(_ seconds: Double) -> Date { Date(timeIntervalSince1970: 1_747_213_200 + seconds) }

    /// A database at venue `cardiff` with round D1 (police, crisis): `local` people voting here
    /// and, per other venue, how many voted police and crisis; `perspective` for everyone.
    static func database(
        _ directory: URL, local: (police: Int, crisis: Int), others: [String: (police: Int, crisis: Int)],
        perspective: @escaping (String) -> String? = { _ in nil }
    ) throws -> String {
        let path = directory.appendingPathComponent("cardiff.sqlite").path
        let database = try ForumDatabase(path: path)
        try database.setVenue("cardiff")
        let options = [Option(id: "police", label: "Call the police"), Option(id: "crisis", label: "Crisis line")]
        var records: [ShowRecord] = [
            .sessionEntered(SessionEntry(sessionID: "morning", title: "Morning", at: time(0))),
            .runStarted(
                RunStart(runID: "R1", sessionID: "morning", storyID: "night", storyTitle: "Night", at: time(1))),
            .sceneShown(SceneShown(runID: "R1", sceneID: "call", at: time(1))),
            .roundOpened(
                RoundOpening(
                    roundID: "D1", runID: "R1", sceneID: "call", question: "Who?", options: options, at: time(2))),
        ]
        func vote(_ device: String, _ option: String) -> VoteRecord {
            VoteRecord(roundID: "D1", device: device, optionID: option, perspective: perspective(device), at: time(3))
        }
        let here = Array(repeating: "police", count: local.police) + Array(repeating: "crisis", count: local.crisis)
        for (index, option) in here.enumerated() {
            records += [.deviceJoined(DeviceJoin(device: "c\(index)", at: time(2))), .vote(vote("c\(index)", option))]
        }
        for (venue, counts) in others {
            let cast =
                Array(repeating: "police", count: counts.police) + Array(repeating: "crisis", count: counts.crisis)
            records.append(
                .remoteVotes(
                    cast.enumerated().map {
                        RemoteVote(
                            venue: venue, sequence: Int64($0.offset + 1), vote: vote("\(venue)\($0.offset)", $0.element)
                        )
                    }))
        }
        records.append(.roundStatus(RoundStatusChange(roundID: "D1", status: .closed, at: time(9))))
        try database.write(records)
        return path
    }

    static let threeVenues: [String: (police: Int, crisis: Int)] = ["bangor": (4, 2), "wrexham": (1, 2)]

    func report(_ path: String, _ edition: ReportEdition) throws -> Report {
        try Reporter(databasePath: path, library: nil).report(edition: edition)
    }

    @Test func theOrganisersSeeEveryVenueExactly() throws {
        let directory = try TemporaryDirectory()
        let path = try Self.database(directory.url, local: (5, 3), others: Self.threeVenues)
        let report = try report(path, .organisers)
        #expect(report.event.phones == 17)
        #expect(report.event.venues?.map(\.id) == ["bangor", "cardiff", "wrexham"])
        #expect(report.event.venues?.map(\.phones) == [6, 8, 3])
        let split = try #require(report.rounds[0].byVenue)
        #expect(split.groups.map(\.group) == ["bangor", "cardiff", "wrexham"])
        #expect(
            split.groups.map(\.votes) == [
                ["police": 4, "crisis": 2], ["police": 5, "crisis": 3], ["police": 1, "crisis": 2],
            ])
        #expect(split.hidden.isEmpty && split.withheld == nil)
    }

    @Test func aVenueOfThreeCannotBeReadNorWorkedOutInTheCommunityEdition() throws {
        let directory = try TemporaryDirectory()
        let path = try Self.database(directory.url, local: (5, 3), others: Self.threeVenues)
        let report = try report(path, .community)
        // The opening: Cardiff's 8; Bangor is counted with Wrexham, or 17 − 8 − 6 would give Wrexham's 3.
        let venues = try #require(report.event.venues)
        #expect(venues.map(\.id) == ["bangor", "cardiff", "wrexham", "everyone_else"])
        #expect(venues.map(\.phones) == [nil, 8, nil, 9])
        // The round: the same rule on the votes.
        let split = try #require(report.rounds[0].byVenue)
        #expect(split.groups.map(\.group) == ["cardiff", "everyone_else"])
        #expect(split.groups.map(\.voters) == [8, 9])
        #expect(split.hidden == ["bangor", "wrexham"])
        for figures in [venues.compactMap(\.phones), split.groups.map(\.voters)] {
            let shownNamed = figures.dropLast().reduce(0, +)
            #expect(!(1..<5).contains(17 - shownNamed), "what is left over is nobody or at least 5 people")
            #expect(!figures.contains(3))
        }
        let json = String(decoding: try Reporter.json(report), as: UTF8.self)
        #expect(!json.contains("\"wrexham\" : {") && !json.contains("\"voters\" : 3"))
        let html = ReportHTML(report: report, stories: []).render()
        #expect(html.contains("<caption>Votes by venue</caption>"))
        #expect(html.contains("<th scope=\"row\">cardiff</th><td>8</td>"))
        #expect(html.contains("<th scope=\"col\">Venue</th>"))
        #expect(
            html.contains(
                "<dt>Venues</dt><dd>bangor (not shown), cardiff (8 people), wrexham (not shown); "
                    + "the venues not shown: 9 people together. Where fewer than 5 people"))
        #expect(!html.contains("wrexham (3"))
    }

    @Test func aRoundShownByPerspectiveIsNotAlsoShownByVenue() throws {
        let directory = try TemporaryDirectory()
        // Cardiff's 8 are carers, the other venues' 12 police officers: two splits of the same votes.
        let path = try Self.database(
            directory.url, local: (5, 3), others: ["bangor": (4, 2), "wrexham": (3, 3)],
            perspective: { $0.hasPrefix("c") ? "carer" : "police" })
        let community = try report(path, .community).rounds[0]
        #expect(community.byPerspective.map(\.voters) == [8, 12])
        #expect(community.byVenue == VenueSplitReport(groups: [], hidden: [], withheld: "one_split_per_round"))
        let organisers = try report(path, .organisers).rounds[0]
        #expect(organisers.byVenue?.groups.map(\.voters) == [6, 8, 6] && organisers.byVenue?.withheld == nil)

        // Everyone gave the same perspective: that split is the whole round, so venues show.
        let other = try TemporaryDirectory()
        let same = try Self.database(
            other.url, local: (5, 3), others: ["bangor": (4, 2), "wrexham": (3, 3)],
            perspective: { _ in "carer" })
        let split = try #require(try report(same, .community).rounds[0].byVenue)
        #expect(split.withheld == nil && split.groups.map(\.group) == ["bangor", "cardiff", "wrexham"])
    }

    @Test func oneVenueOnlyAddsNothing() throws {
        let directory = try TemporaryDirectory()
        let path = try Self.database(directory.url, local: (5, 3), others: [:])
        for edition in [ReportEdition.community, .organisers] {
            let report = try report(path, edition)
            #expect(report.event.venues == nil && report.rounds.allSatisfy { $0.byVenue == nil })
            let json = String(decoding: try Reporter.json(report), as: UTF8.self)
            #expect(!json.contains("venue"))
            #expect(!ReportHTML(report: report, stories: []).render().contains("venue"))
        }
    }
}

/// A fresh directory under the system temporary directory, removed when released.
final class TemporaryDirectory: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("forum-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
