import ForumCore
import ForumStore
import Foundation
import Testing

@testable import ForumReport

@Suite("Report builder: the editions, the replay pairing, the route")
struct ReportBuilderTests {
    static let context = RoundContext(
        sessionID: "morning", sessionTitle: "Morning", storyID: "night", storyTitle: "A night", runID: "R1",
        roundID: "D1", sceneID: "call", question: "Who?", )
    static let options = ["police", "crisis"]

    /// Results of rounds given as [round: [(device, option, perspective, times changed)]].
    static func results(_ rounds: [(String, [(String, String, String?, Int)])]) -> ShowResults {
        var votes: [FinalVote] = []
        var tallies: [OptionTally] = []
        for (round, ballots) in rounds {
            var context = Self.context
            context.roundID = round
            for (device, option, perspective, changed) in ballots {
                votes.append(
                    FinalVote(
                        round: context, device: device, optionID: option, optionLabel: option, perspective: perspective,
                        votedAt: Date(timeIntervalSince1970: 0), timesChanged: changed))
            }
            for (position, option) in options.enumerated() {
                let mine = ballots.filter { $0.1 == option }
                var by: [String: Int] = [:]
                for ballot in mine { if let p = ballot.2 { by[p, default: 0] += 1 } }
                tallies.append(
                    OptionTally(
                        round: context, position: position, optionID: option, optionLabel: option, count: mine.count,
                        byPerspective: by, noPerspective: mine.filter { $0.2 == nil }.count))
            }
        }
        return ShowResults(finalVotes: votes, tallies: tallies)
    }

    static func stage(replay: Bool) -> ShowStage {
        ShowStage(
            runs: [
                RunRoute(
                    runID: "R1", sessionID: "morning", sessionTitle: "Morning", storyID: "night", storyTitle: "A night",
                    startedAt: "2025-05-14T09:00:00.000Z", endedAt: nil, startScene: "call",
                    moves: [
                        RouteMove(
                            command: "choose", fromScene: "call", toScene: "crisis", roundID: "D1", optionID: "crisis",
                            roomChoice: "police", movedAt: "2025-05-14T09:05:00.000Z")
                    ])
            ],
            rounds: [
                RoundTimeline(
                    roundID: "D1", runID: "R1", sceneID: "call", question: "Who?", status: "closed",
                    openedAt: "2025-05-14T09:01:00.000Z", closedAt: "2025-05-14T09:02:00.000Z", revealedAt: nil,
                    replayOf: nil),
                RoundTimeline(
                    roundID: "D2", runID: "R1", sceneID: "call", question: "Who?", status: "closed",
                    openedAt: "2025-05-14T09:03:00.000Z", closedAt: "2025-05-14T09:04:00.000Z", revealedAt: nil,
                    replayOf: replay ? "D1" : nil),
            ])
    }

    func build(_ results: ShowResults, _ edition: ReportEdition, replay: Bool = true) -> Report {
        ReportBuilder(
            results: results, stage: Self.stage(replay: replay), eventTitle: "Day", programme: nil, edition: edition
        ).build()
    }

    @Test func aRoundOfFewerThan5VotersHasNoCountsInTheCommunityEdition() {
        let results = Self.results([("D1", [("a", "police", nil, 0), ("b", "crisis", "police", 1)])])
        let community = build(results, .community).rounds[0]
        #expect(!community.countsShown && community.options.allSatisfy { $0.votes == nil && $0.percent == nil })
        #expect(community.byPerspective.isEmpty && community.changedVote == nil && community.voters == 2)
        let organisers = build(results, .organisers).rounds[0]
        #expect(organisers.options.map(\.votes) == [1, 1] && organisers.changedVote == 1)
        #expect(organisers.byPerspective.map(\.group) == ["police", "no_perspective"])
    }

    @Test func theCommunitySplitIsTheRoomsSplit() {
        // 6 police, 2 carers, 2 ambulance, 1 with none: the room sees Police 6 and Everyone else 5.
        var ballots: [(String, String, String?, Int)] = (0..<6).map { ("p\($0)", "police", "police", 0) }
        ballots += [("c1", "crisis", "carer", 0), ("c2", "police", "carer", 0)]
        ballots += [("a1", "crisis", "ambulance", 0), ("a2", "crisis", "ambulance", 0), ("n1", "crisis", nil, 0)]
        let round = build(Self.results([("D1", ballots)]), .community).rounds[0]
        #expect(round.byPerspective.map(\.group) == ["police", "everyone_else"])
        #expect(round.byPerspective.map(\.voters) == [6, 5])
        #expect(round.byPerspective[1].votes == ["police": 1, "crisis": 4])
        #expect(round.hiddenGroups == ["no_perspective", "ambulance", "carer"])
        #expect(round.options.map(\.votes) == [7, 4])
        #expect(round.options[0].percent.map { abs($0 - 700.0 / 11) < 1e-9 } == true)
    }

    @Test func perspectiveGroupsReadTogetherUnderTheSameRule() {
        // Lived experience = lived-experience + carer (3 + 2), professionals = police + ambulance (4 + 2).
        var ballots: [(String, String, String?, Int)] = (0..<3).map { ("l\($0)", "crisis", "lived-experience", 0) }
        ballots += [("c1", "crisis", "carer", 0), ("c2", "police", "carer", 0)]
        ballots += (0..<4).map { ("p\($0)", "police", "police", 0) }
        ballots += [("a1", "police", "ambulance", 0), ("a2", "crisis", "ambulance", 0)]
        let programme = EventProgramme(
            title: "Day", perspectives: EventProgramme.defaultPerspectives, sessions: [],
            perspectiveGroups: [
                PerspectiveGroup(id: "lived", label: "Lived experience", perspectives: ["lived-experience", "carer"]),
                PerspectiveGroup(id: "pros", label: "Professionals", perspectives: ["police", "ambulance"]),
            ])
        func round(_ edition: ReportEdition) -> RoundReport {
            ReportBuilder(
                results: Self.results([("D1", ballots)]), stage: Self.stage(replay: false), eventTitle: "Day",
                programme: programme, edition: edition
            ).build().rounds[0]
        }
        let community = round(.community)
        // By perspective nothing reaches 5 but the police's 4 do not either: no split at all.
        #expect(community.byPerspective.isEmpty)
        // By group both groups reach 5 and 6: both shown, side by side.
        #expect(community.byGroup.map(\.label) == ["Lived experience", "Professionals"])
        #expect(community.byGroup.map(\.voters) == [5, 6])
        #expect(community.byGroup[0].votes == ["crisis": 4, "police": 1])
        #expect(community.byGroup[1].votes == ["crisis": 1, "police": 5])
        let html = ReportHTML(
            report: ReportBuilder(
                results: Self.results([("D1", ballots)]), stage: Self.stage(replay: false), eventTitle: "Day",
                programme: programme, edition: .community
            ).build(), stories: []
        ).render()
        #expect(html.contains("<caption>Votes by group of perspectives</caption>"))
        #expect(round(.organisers).byGroup.map(\.voters) == [5, 6])
    }

    @Test func aReplayPairsPeopleAndTestsOnlyWhereItCanMeanSomething() {
        // 8 people: before 7 police + 1 crisis; after, 6 of the police moved to crisis.
        let before = (0..<7).map { ("v\($0)", "police", String?.none, 0) } + [("v7", "crisis", nil, 0)]
        let after = (0..<8).map { ("v\($0)", $0 < 6 || $0 == 7 ? "crisis" : "police", String?.none, 0) }
        let results = Self.results([("D1", before), ("D2", after)])
        let organisers = build(results, .organisers).replays[0]
        #expect(organisers.paired == 8 && organisers.moved == 6 && organisers.stayed == 2)
        #expect(organisers.transitions == [Transition(from: "police", to: "crisis", people: 6)])
        #expect(organisers.mcnemar == McNemarReport(option: "police", left: 6, joined: 0, p: 0.03125))
        // The community edition cannot show 2 who stayed, nor a test whose figures are under 5.
        let community = build(results, .community).replays[0]
        #expect(community.paired == nil && community.moved == nil && community.transitions.isEmpty)
        #expect(community.mcnemar == McNemarReport(option: "police", left: 6, joined: 0, p: 0.03125))
        #expect(build(results, .community, replay: false).replays.isEmpty)
    }

    @Test func theRouteTellsTheHostChoseAgainstTheRoom() {
        let report = build(Self.results([]), .community)
        #expect(report.runs[0].route.map(\.scene) == ["call", "crisis"])
        #expect(report.runs[0].route[1].followedRoom == false && report.runs[0].route[1].roomChoice == "police")
        #expect(report.forPublication && !build(Self.results([]), .organisers).forPublication)
    }

    @Test func communityTextIsEscapedInTheHTML() {
        var results = Self.results([("D1", (0..<5).map { ("v\($0)", "police", nil, 0) })])
        results.tallies[0].optionLabel = "<script>alert(1)</script>"
        let html = ReportHTML(report: build(results, .community), stories: []).render()
        #expect(!html.contains("<script>") && html.contains("&lt;script&gt;"))
        #expect(!html.contains("http://") && !html.contains("https://"))
    }
}
