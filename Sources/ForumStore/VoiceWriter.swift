import ForumCore
import Foundation
import GRDB

/// How the room's voice (``VoiceRecord``) becomes rows: stops, proposals, the moderation
/// log, and which options of a round came from the audience.
enum VoiceWriter {
    /// Writes one voice record inside the caller's transaction.
    static func apply(_ record: VoiceRecord, in db: Database) throws {
        switch record {
        case .stop(let toggle):
            try run(
                db, "INSERT INTO stops (visit, run_id, scene_id, device, stop, at) VALUES (?, ?, ?, ?, ?, ?)",
                [toggle.visit, toggle.runID, toggle.sceneID, toggle.device, toggle.on, StoreTime.text(toggle.at)])
        case .proposed(let proposal):
            try run(
                db,
                """
                INSERT INTO proposals (id, visit, run_id, scene_id, round_id, device, text, status, proposed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)
                """,
                [
                    proposal.id, proposal.visit, proposal.runID, proposal.sceneID, proposal.roundID, proposal.device,
                    proposal.text, StoreTime.text(proposal.at),
                ])
        case .moderated(let entry, let proposal):
            try run(
                db, "UPDATE proposals SET status = ?, merged_into = ?, option_id = ? WHERE id = ?",
                [proposal.status.rawValue, proposal.mergedInto, proposal.optionID, proposal.id])
            if db.changesCount == 0 { throw StoreError.unknownProposal(proposal.id) }
            try run(
                db, "INSERT INTO moderation_log (proposal_id, action, target, by_role, at) VALUES (?, ?, ?, ?, ?)",
                [entry.proposalID, entry.action, entry.target, entry.by.rawValue, StoreTime.text(entry.at)])
        case .acknowledged(let visit, let runID, let sceneID, let count, let at):
            try run(
                db, "INSERT INTO stop_acknowledgements (visit, run_id, scene_id, count, at) VALUES (?, ?, ?, ?, ?)",
                [visit, runID, sceneID, count, StoreTime.text(at)])
        }
    }

    /// Marks the options of a new round that came from the audience.
    static func audienceOptions(of opening: RoundOpening, in db: Database) throws {
        for option in opening.options where AudienceOption.isAudience(option.id) {
            try run(
                db, "INSERT INTO audience_options (round_id, option_id, proposal_id) VALUES (?, ?, ?)",
                [opening.roundID, option.id, "P" + option.id.dropFirst(AudienceOption.prefix.count)])
        }
    }

    private static func run(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }
}
