import ForumCore
import GRDB

extension [OptionTally] {
    /// These tallies with their final votes by place *(addition)*: `byPlace` and `noPlace`
    /// of every option, from the same final rows (the latest of each device in a round).
    func withPlaces(_ db: Database, round roundID: String?) throws -> [OptionTally] {
        let sql = """
            SELECT v.round_id, v.option_id, v.place, count(*) AS votes
            FROM votes v
            JOIN (SELECT max(id) AS id FROM votes WHERE ?1 IS NULL OR round_id = ?1
                  GROUP BY round_id, device) latest
                ON latest.id = v.id
            GROUP BY v.round_id, v.option_id, v.place
            """
        var counts: [String: [String: (byPlace: [Place: Int], none: Int)]] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: [roundID]) {
            let round: String = row["round_id"]
            let option: String = row["option_id"]
            let votes: Int = row["votes"]
            var entry = counts[round]?[option] ?? ([:], 0)
            if let place = (row["place"] as String?).flatMap(Place.init) {
                entry.byPlace[place] = votes
            } else {
                entry.none += votes
            }
            counts[round, default: [:]][option] = entry
        }
        return map { tally in
            var tally = tally
            if let entry = counts[tally.round.roundID]?[tally.optionID] {
                tally.byPlace = entry.byPlace
                tally.noPlace = entry.none
            }
            return tally
        }
    }
}
