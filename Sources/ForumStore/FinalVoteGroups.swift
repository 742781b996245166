import GRDB

/// The final votes (each device's latest row in a round) of every option, counted by one
/// column of `votes`: by place, by venue. One query for every such split.
enum FinalVoteGroups {
    /// Round id → option id → (group → final votes, final votes with no group), grouped by
    /// `column` (a column name of this module's, never input) read through `group`.
    static func counts<Group: Hashable>(
        _ db: Database, round roundID: String?, by column: String, group: (String) -> Group?
    ) throws -> [String: [String: (byGroup: [Group: Int], none: Int)]] {
        let sql = """
            SELECT v.round_id, v.option_id, v.\(column) AS grouping, count(*) AS votes
            FROM votes v
            JOIN (SELECT max(id) AS id FROM votes WHERE ?1 IS NULL OR round_id = ?1
                  GROUP BY round_id, device) latest
                ON latest.id = v.id
            GROUP BY v.round_id, v.option_id, v.\(column)
            """
        var counts: [String: [String: (byGroup: [Group: Int], none: Int)]] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: [roundID]) {
            let round: String = row["round_id"]
            let option: String = row["option_id"]
            let votes: Int = row["votes"]
            var entry = counts[round]?[option] ?? ([:], 0)
            if let key = (row["grouping"] as String?).flatMap(group) {
                entry.byGroup[key] = votes
            } else {
                entry.none += votes
            }
            counts[round, default: [:]][option] = entry
        }
        return counts
    }
}
