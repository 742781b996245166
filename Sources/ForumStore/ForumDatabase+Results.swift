import ForumCore
import Foundation
import GRDB

extension ForumDatabase {
    /// Final votes and option tallies of every round (or of one), read in one transaction.
    public func results(round roundID: String? = nil) throws -> ShowResults {
        try pool.read { try ResultQueries.results($0, round: roundID) }
    }

    /// The final vote of each device in every round (or in one round): its latest row, with
    /// `timesChanged` = its `vote` rows − 1.
    public func finalVotes(round roundID: String? = nil) throws -> [FinalVote] {
        try pool.read { try ResultQueries.finalVotes($0, round: roundID).withVenues($0, round: roundID) }
    }

    /// Final votes per option of every round (or of one round), overall and by perspective.
    public func tallies(round roundID: String? = nil) throws -> [OptionTally] {
        try pool.read {
            try ResultQueries.tallies($0, round: roundID).withPlaces($0, round: roundID).withVenues($0, round: roundID)
        }
    }
}

/// The SQL behind the result readers. "Final" always means the latest row (highest id) of a
/// device in a round; ids grow in commit order, so clocks do not matter.
enum ResultQueries {
    /// See ``ForumDatabase/results(round:)``.
    static func results(_ db: Database, round roundID: String?) throws -> ShowResults {
        ShowResults(
            finalVotes: try finalVotes(db, round: roundID).withVenues(db, round: roundID),
            tallies: try tallies(db, round: roundID).withPlaces(db, round: roundID).withVenues(db, round: roundID))
    }

    /// Columns of ``RoundContext``; needs `sessions s`, `story_runs sr`, `rounds r`.
    private static let contextColumns = """
        s.id AS session_id, s.title AS session_title, sr.story_id, sr.story_title,
        sr.id AS run_id, r.id AS round_id, r.scene_id, r.question
        """

    /// See ``ForumDatabase/finalVotes(round:)``.
    static func finalVotes(_ db: Database, round roundID: String?) throws -> [FinalVote] {
        let sql = """
            WITH per_device AS (
                SELECT round_id, device, max(id) AS last_id,
                       sum(reason = 'vote') AS vote_rows,
                       max(CASE WHEN reason = 'vote' THEN id END) AS last_vote_id
                FROM votes
                WHERE ?1 IS NULL OR round_id = ?1
                GROUP BY round_id, device
            )
            SELECT \(contextColumns),
                   v.device, v.option_id, o.label AS option_label, v.perspective, v.place,
                   voted.cast_at AS voted_at, max(p.vote_rows - 1, 0) AS times_changed
            FROM per_device p
            JOIN votes v ON v.id = p.last_id
            JOIN votes voted ON voted.id = coalesce(p.last_vote_id, p.last_id)
            JOIN round_options o ON o.round_id = v.round_id AND o.option_id = v.option_id
            JOIN rounds r ON r.id = p.round_id
            JOIN story_runs sr ON sr.id = r.run_id
            JOIN sessions s ON s.id = sr.session_id
            ORDER BY sr.rowid, r.rowid, p.last_id
            """
        return try Row.fetchAll(db, sql: sql, arguments: [roundID]).map { row in
            let votedAt: String = row["voted_at"]
            guard let date = StoreTime.date(votedAt) else { throw StoreError.badTime(votedAt) }
            return FinalVote(
                round: context(row), device: row["device"], optionID: row["option_id"],
                optionLabel: row["option_label"], perspective: row["perspective"], votedAt: date,
                timesChanged: row["times_changed"], place: (row["place"] as String?).flatMap(Place.init))
        }
    }

    /// See ``ForumDatabase/tallies(round:)``.
    static func tallies(_ db: Database, round roundID: String?) throws -> [OptionTally] {
        // One row per (round, option, perspective of its final votes); an option without
        // votes gets one row with a NULL perspective and a count of 0.
        let sql = """
            WITH final AS (
                SELECT v.round_id, v.option_id, v.perspective
                FROM votes v
                JOIN (SELECT max(id) AS id FROM votes WHERE ?1 IS NULL OR round_id = ?1
                      GROUP BY round_id, device) latest
                    ON latest.id = v.id
            )
            SELECT \(contextColumns),
                   o.position, o.option_id, o.label AS option_label,
                   f.perspective, count(f.round_id) AS votes
            FROM round_options o
            JOIN rounds r ON r.id = o.round_id
            JOIN story_runs sr ON sr.id = r.run_id
            JOIN sessions s ON s.id = sr.session_id
            LEFT JOIN final f ON f.round_id = o.round_id AND f.option_id = o.option_id
            WHERE ?1 IS NULL OR o.round_id = ?1
            GROUP BY o.round_id, o.option_id, f.perspective
            ORDER BY sr.rowid, r.rowid, o.position, f.perspective
            """
        var tallies: [OptionTally] = []
        for row in try Row.fetchAll(db, sql: sql, arguments: [roundID]) {
            let roundID: String = row["round_id"]
            let optionID: String = row["option_id"]
            if tallies.last.map({ $0.round.roundID != roundID || $0.optionID != optionID }) ?? true {
                tallies.append(
                    OptionTally(
                        round: context(row), position: row["position"], optionID: optionID,
                        optionLabel: row["option_label"], count: 0, byPerspective: [:], noPerspective: 0))
            }
            let votes: Int = row["votes"]
            guard votes > 0 else { continue }
            tallies[tallies.count - 1].count += votes
            if let perspective: String = row["perspective"] {
                tallies[tallies.count - 1].byPerspective[perspective] = votes
            } else {
                tallies[tallies.count - 1].noPerspective += votes
            }
        }
        return tallies
    }

    private static func context(_ row: Row) -> RoundContext {
        RoundContext(
            sessionID: row["session_id"], sessionTitle: row["session_title"], storyID: row["story_id"],
            storyTitle: row["story_title"], runID: row["run_id"], roundID: row["round_id"],
            sceneID: row["scene_id"], question: row["question"])
    }
}
