import ForumCore
import Foundation
import Testing

@testable import ForumReport
@testable import ForumStore

@Suite("Report: the room's voice, stops per scene and proposals by edition")
struct ReportVoiceTests {
    /// Round D2 with the audience's option `audience_1` beside the staff's two.
    static func results(audienceVotes: Int) -> ShowResults {
        var context = ReportBuilderTests.context
        context.roundID = "D2"
        let counts = [("police", 1), ("crisis", 1), ("audience_1", audienceVotes)]
        let tallies = counts.enumerated().map { position, entry in
            OptionTally(
                round: context, position: position, optionID: entry.0,
                optionLabel: entry.0 == "audience_1" ? "Ring <her> sister" : entry.0, count: entry.1,
                byPerspective: [:], noPerspective: entry.1)
        }
        return ShowResults(finalVotes: [], tallies: tallies)
    }

    static var stage: ShowStage {
        var stage = ShowStage()
        stage.voice = ShowVoice(
            stops: [
                SceneStops(
                    sessionID: "morning", storyID: "night", runID: "R1", sceneID: "kitchen", visit: 1, stopped: 3,
                    everStopped: 4, acknowledged: 3, firstAt: "2025-05-14T09:00:01.000Z"),
                SceneStops(
                    sessionID: "morning", storyID: "night", runID: "R1", sceneID: "call", visit: 2, stopped: 7,
                    everStopped: 9, acknowledged: nil, firstAt: "2025-05-14T09:00:02.000Z"),
            ],
            proposals: [
                proposal("P1", "Ring <her> sister", "approved", option: "audience_1"),
                proposal("P2", "Phone the sister", "merged", into: "P1"),
                proposal("P3", "Name of a real person", "rejected"),
            ],
            moderation: [], recorded: true)
        return stage
    }

    static func proposal(_ id: String, _ text: String, _ status: String, into: String? = nil, option: String? = nil)
        -> StoredProposal
    {
        StoredProposal(
            id: id, sessionID: "morning", storyID: "night", runID: "R1", sceneID: "call", roundID: "D1", text: text,
            status: status, mergedInto: into, optionID: option, proposedAt: "2025-05-14T09:00:03.000Z")
    }

    static func report(_ edition: ReportEdition, audienceVotes: Int = 4) -> Report {
        ReportBuilder(
            results: results(audienceVotes: audienceVotes), stage: stage, eventTitle: "Test", programme: nil,
            edition: edition
        ).build()
    }

    @Test func theCommunityEditionShowsOnlyApprovedWordsAndNoSmallCounts() throws {
        let report = Self.report(.community)
        #expect(report.voice.proposals.map(\.text) == ["Ring <her> sister", nil, nil])
        #expect(report.voice.outcomes == ["approved": 1, "merged": 1, "rejected": 1, "pending": 0])
        #expect(report.voice.stops.map(\.stopped) == [nil, 7] && report.voice.stops.map(\.everStopped) == [nil, 9])
        #expect(report.voice.proposals[0].votes == 4 && report.voice.proposals[0].sameIdea == 1)
        #expect(report.rounds[0].options.map(\.fromAudience) == [false, false, true])
        let html = ReportHTML(report: report, stories: []).render()
        #expect(html.contains("The room's voice") && html.contains("Ring &lt;her&gt; sister"))
        #expect(!html.contains("Name of a real person"))
        let round = ReportHTML(report: report, stories: []).roundSection(report.rounds[0])
        #expect(round.contains("3. Ring &lt;her&gt; sister <small>(from the audience)</small>"))
        #expect(html.contains("1 approved, 1 rejected, 1 merged, 0 pending"))
        let json = String(decoding: try Reporter.json(report), as: UTF8.self)
        #expect(json.contains("\"from_audience\" : true") && json.contains("\"same_idea\" : 1"))
    }

    @Test func theOrganisersSeeEveryProposalAndExactCounts() {
        let report = Self.report(.organisers, audienceVotes: 2)
        #expect(report.voice.proposals.compactMap(\.text).count == 3)
        #expect(report.voice.stops.map(\.stopped) == [3, 7] && report.voice.stops[0].acknowledged == 3)
        #expect(report.voice.proposals[0].votes == 2)
        #expect(ReportHTML(report: report, stories: []).render().contains("Name of a real person"))
        // In the community edition a round of 4 voters shows no counts: nor does its proposal.
        #expect(Self.report(.community, audienceVotes: 2).voice.proposals[0].votes == nil)
    }
}
