import Foundation
import GRDB

/// The SQL behind ``ShowVoice``: stops per scene visit, proposals and the moderation log.
enum VoiceQueries {
    static func voice(_ db: Database) throws -> ShowVoice {
        guard try db.tableExists("proposals") else { return ShowVoice() }
        return ShowVoice(stops: try stops(db), proposals: try proposals(db), moderation: try log(db), recorded: true)
    }

    private static func stops(_ db: Database) throws -> [SceneStops] {
        let sql = """
            SELECT s.visit, s.run_id, s.scene_id, r.session_id, r.story_id, min(s.at) AS first_at,
                count(DISTINCT CASE WHEN s.stop = 1 THEN s.device END) AS ever,
                (SELECT count(*) FROM stops l
                    JOIN (SELECT max(id) AS id FROM stops WHERE visit = s.visit GROUP BY device) latest
                        ON latest.id = l.id
                    WHERE l.stop = 1) AS stopped,
                (SELECT a.count FROM stop_acknowledgements a WHERE a.visit = s.visit ORDER BY a.id DESC LIMIT 1)
                    AS acknowledged
            FROM stops s JOIN story_runs r ON r.id = s.run_id
            GROUP BY s.visit ORDER BY min(s.id)
            """
        return try Row.fetchAll(db, sql: sql).map { row in
            SceneStops(
                sessionID: row["session_id"], storyID: row["story_id"], runID: row["run_id"], sceneID: row["scene_id"],
                visit: row["visit"], stopped: row["stopped"], everStopped: row["ever"],
                acknowledged: row["acknowledged"], firstAt: row["first_at"])
        }
    }

    private static func proposals(_ db: Database) throws -> [StoredProposal] {
        let sql = """
            SELECT p.id, p.run_id, p.scene_id, p.round_id, p.text, p.status, p.merged_into, p.option_id,
                p.proposed_at, r.session_id, r.story_id
            FROM proposals p LEFT JOIN story_runs r ON r.id = p.run_id ORDER BY p.rowid
            """
        return try Row.fetchAll(db, sql: sql).map { row in
            StoredProposal(
                id: row["id"], sessionID: row["session_id"], storyID: row["story_id"], runID: row["run_id"],
                sceneID: row["scene_id"], roundID: row["round_id"], text: row["text"], status: row["status"],
                mergedInto: row["merged_into"], optionID: row["option_id"], proposedAt: row["proposed_at"])
        }
    }

    private static func log(_ db: Database) throws -> [StoredModeration] {
        try Row.fetchAll(db, sql: "SELECT proposal_id, action, target, by_role, at FROM moderation_log ORDER BY id").map
        {
            StoredModeration(
                proposalID: $0["proposal_id"], action: $0["action"], target: $0["target"], by: $0["by_role"],
                at: $0["at"])
        }
    }
}
