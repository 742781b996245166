import ForumCore
import ForumExport
import ForumStore
import Foundation

/// Builds a ``Report`` from what the store read: pure, no IO. The community edition uses the
/// room's rules and nothing else: no counts while a round has 1 to 4 voters
/// (``ForumCore/Show/tooFewVotersToShow``'s rule) and the split as ``ForumCore/ShownSplit``
/// shows it; the organisers' edition has exact counts.
public struct ReportBuilder: Sendable {
    public var results: ShowResults
    public var stage: ShowStage
    public var eventTitle: String
    /// The stories and programme, for perspective names (nil: ids are used).
    public var programme: EventProgramme?
    public var edition: ReportEdition

    /// A builder for one edition.
    public init(
        results: ShowResults, stage: ShowStage, eventTitle: String, programme: EventProgramme?,
        edition: ReportEdition
    ) {
        self.results = results
        self.stage = stage
        self.eventTitle = eventTitle
        self.programme = programme
        self.edition = edition
    }

    static let threshold = Show.smallGroupThreshold
    var community: Bool { edition == .community }

    /// The report.
    public func build() -> Report {
        let rounds = roundReports()
        return Report(
            edition: edition, forPublication: community, event: eventSummary(), runs: runReports(), rounds: rounds,
            replays: replayReports(),
            notes: stage.notes.map {
                NoteReport(run: $0.runID, scene: $0.sceneID, round: $0.roundID, text: $0.text, notedAt: $0.notedAt)
            }, voice: voiceReport())
    }

    /// A perspective's name: the event file's label, else the id.
    func label(ofPerspective id: String) -> String {
        (programme?.perspectives ?? EventProgramme.defaultPerspectives).first { $0.id == id }?.label ?? id
    }

    /// A count that may be shown in this edition: nil for 1 to 4 in the community edition.
    func shown(_ count: Int) -> Int? {
        community && (1..<Self.threshold).contains(count) ? nil : count
    }

    private func eventSummary() -> EventSummary {
        var perspectiveOf: [String: String?] = [:]
        for vote in results.finalVotes { perspectiveOf[vote.device] = vote.perspective }
        var phonesBy: [String: Int] = [:]
        for case .some(let id) in perspectiveOf.values { phonesBy[id, default: 0] += 1 }
        var sessions: [SessionSummary] = []
        for run in stage.runs where !sessions.contains(where: { $0.id == run.sessionID }) {
            sessions.append(SessionSummary(id: run.sessionID, title: run.sessionTitle))
        }
        return EventSummary(
            title: eventTitle, date: stage.runs.first.map { String($0.startedAt.prefix(10)) }, sessions: sessions,
            storiesRun: stage.runs.count, phones: perspectiveOf.count, votesCast: results.finalVotes.count,
            perspectives: phonesBy.keys.sorted().map {
                PerspectivePresent(id: $0, label: label(ofPerspective: $0), phones: shown(phonesBy[$0]!))
            }, venues: venuesPresent())
    }

    private func runReports() -> [RunReport] {
        stage.runs.map { run in
            RunReport(
                run: run.runID, story: run.storyID, storyTitle: run.storyTitle, session: run.sessionID,
                startedAt: run.startedAt, endedAt: run.endedAt,
                route: [RouteStep(scene: run.startScene, command: "start")]
                    + run.moves.map {
                        RouteStep(
                            scene: $0.toScene, command: $0.command, round: $0.roundID, option: $0.optionID,
                            roomChoice: $0.roomChoice, followedRoom: $0.followedRoom)
                    })
        }
    }

    /// Each round's option tallies, in show order.
    var talliesByRound: [(id: String, tallies: [OptionTally])] {
        var grouped: [(id: String, tallies: [OptionTally])] = []
        for tally in results.tallies {
            if grouped.last?.id == tally.round.roundID {
                grouped[grouped.count - 1].tallies.append(tally)
            } else {
                grouped.append((tally.round.roundID, [tally]))
            }
        }
        return grouped
    }
}
