import ForumCore
import Foundation
import GRDB

extension ForumDatabase {
    /// The devices whose latest Stop row in scene visit `visit` says stop (for a restart).
    public func stops(visit: Int) throws -> [String] {
        try pool.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT s.device FROM stops s
                    JOIN (SELECT max(id) AS id FROM stops WHERE visit = ? GROUP BY device) latest ON latest.id = s.id
                    WHERE s.stop = 1 ORDER BY s.id
                    """, arguments: [visit])
        }
    }

    /// Every proposal as it is now, oldest first (for a restart; carries device tokens, so
    /// never for an export).
    public func proposals() throws -> [Proposal] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM proposals ORDER BY rowid").map { row in
                let at: String = row["proposed_at"]
                return Proposal(
                    id: row["id"], visit: row["visit"], runID: row["run_id"], sceneID: row["scene_id"],
                    roundID: row["round_id"], device: row["device"], text: row["text"],
                    status: ProposalStatus(rawValue: row["status"]) ?? .pending, mergedInto: row["merged_into"],
                    optionID: row["option_id"], at: StoreTime.date(at) ?? Date(timeIntervalSince1970: 0))
            }
        }
    }
}
