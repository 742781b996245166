import ForumCore
import GRDB

/// The venue of each final vote *(addition)*: where the device's latest row in a round was
/// cast, from the same final rows as every other result (NULL: a single-machine show, or a
/// database from before venues, which has no venue column and is read as it is).
enum VenueQueries {
    /// Round id → device → venue, for the final rows cast at a named venue.
    static func venues(_ db: Database, round roundID: String?) throws -> [String: [String: String]] {
        guard try db.columns(in: "votes").contains(where: { $0.name == "venue" }) else { return [:] }
        let sql = """
            SELECT v.round_id, v.device, v.venue
            FROM votes v
            JOIN (SELECT max(id) AS id FROM votes WHERE ?1 IS NULL OR round_id = ?1
                  GROUP BY round_id, device) latest
                ON latest.id = v.id
            WHERE v.venue IS NOT NULL
            """
        var venues: [String: [String: String]] = [:]
        for row in try Row.fetchAll(db, sql: sql, arguments: [roundID]) {
            venues[row["round_id"], default: [:]][row["device"]] = row["venue"]
        }
        return venues
    }

    /// Round id → option id → (venue → final votes, final votes with no venue).
    static func tallies(_ db: Database, round roundID: String?) throws
        -> [String: [String: (byGroup: [String: Int], none: Int)]]
    {
        guard try db.columns(in: "votes").contains(where: { $0.name == "venue" }) else { return [:] }
        return try FinalVoteGroups.counts(db, round: roundID, by: "venue") { $0 }
    }
}

extension [FinalVote] {
    /// These final votes with the venue they were cast at.
    func withVenues(_ db: Database, round roundID: String?) throws -> [FinalVote] {
        let venues = try VenueQueries.venues(db, round: roundID)
        guard !venues.isEmpty else { return self }
        return map { vote in
            var vote = vote
            vote.venue = venues[vote.round.roundID]?[vote.device]
            return vote
        }
    }
}

extension [OptionTally] {
    /// These tallies with their final votes by venue: `byVenue` and `noVenue` of every option.
    func withVenues(_ db: Database, round roundID: String?) throws -> [OptionTally] {
        let counts = try VenueQueries.tallies(db, round: roundID)
        return map { tally in
            var tally = tally
            if let entry = counts[tally.round.roundID]?[tally.optionID] {
                tally.byVenue = entry.byGroup
                tally.noVenue = entry.none
            } else if counts.isEmpty {
                tally.noVenue = tally.count
            }
            return tally
        }
    }
}
