import ForumCore
import ForumStore

/// The room's voice in an export (schema `v5-room-voice`; empty files for older databases).
/// JSON keys are the CSV column names. No device tokens anywhere.
///
/// `stops.csv` / `stops.json`: one row per scene visit in which someone tapped Stop.
///
///     session, story, run, scene, visit, stopped, ever_stopped, acknowledged, first_at
///
/// - `stopped`: phones whose last word in the visit was Stop; `ever_stopped`: phones that
///   tapped it at least once; `acknowledged`: the count the host last acknowledged (empty:
///   never).
///
/// `proposals.csv` / `proposals.json`: one row per proposal, with its moderation outcome.
///
///     session, story, run, scene, round, proposal, text, status, merged_into, same_idea,
///     option, vote_rounds, votes, proposed_at
///
/// - `text`: as sent (cleaned of control characters), every status included: the export is
///   for the organisers, who may need to check what was rejected. Publish only approved texts
///   (the report's community edition does).
/// - `same_idea`: proposals merged into this one; `option`: the option id it became once put
///   to the vote (`audience_N`: the marker of an audience option in `rounds.*` and
///   `votes.*`); `vote_rounds`: the rounds it was an option of; `votes`: its final votes in
///   them.
///
/// `moderation.csv` / `moderation.json`: the moderation log, in order:
/// `proposal, action, target, by, at` (`by`: `host` or `moderator`).
struct ExportVoiceTables {
    let voice: ShowVoice
    let results: ShowResults

    static let stopColumns = [
        "session", "story", "run", "scene", "visit", "stopped", "ever_stopped", "acknowledged", "first_at",
    ]
    static let proposalColumns = [
        "session", "story", "run", "scene", "round", "proposal", "text", "status", "merged_into", "same_idea", "option",
        "vote_rounds", "votes", "proposed_at",
    ]
    static let moderationColumns = ["proposal", "action", "target", "by", "at"]

    var stopRows: [[ExportValue]] {
        voice.stops.map { visit in
            [
                .text(visit.sessionID), .text(visit.storyID), .text(visit.runID), .text(visit.sceneID),
                .number(visit.visit), .number(visit.stopped), .number(visit.everStopped),
                visit.acknowledged.map(ExportValue.number) ?? .null, .text(visit.firstAt),
            ]
        }
    }

    var proposalRows: [[ExportValue]] {
        voice.proposals.map { proposal in
            let tallies = results.tallies.filter { $0.optionID == proposal.optionID && proposal.optionID != nil }
            let merged = voice.proposals.count { $0.mergedInto == proposal.id }
            return [
                .text(proposal.sessionID), .text(proposal.storyID), .text(proposal.runID), .text(proposal.sceneID),
                .text(proposal.roundID), .text(proposal.id), .text(ControlCharacters.cleaned(proposal.text)),
                .text(proposal.status), .text(proposal.mergedInto), .number(merged), .text(proposal.optionID),
                tallies.isEmpty ? .null : .text(tallies.map(\.round.roundID).joined(separator: " ")),
                proposal.optionID == nil ? .null : .number(tallies.reduce(0) { $0 + $1.count }),
                .text(proposal.proposedAt),
            ]
        }
    }

    var moderationRows: [[ExportValue]] {
        voice.moderation.map { entry in
            [.text(entry.proposalID), .text(entry.action), .text(entry.target), .text(entry.by), .text(entry.at)]
        }
    }
}
