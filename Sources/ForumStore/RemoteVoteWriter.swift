import ForumCore
import GRDB

/// How a ``ShowRecord/remoteVotes(_:)`` record becomes rows *(addition)*: each vote cast at
/// another venue is stored once, however often it is delivered.
///
/// The record is stored whole or not at all (it is one record of the writer's batch): a vote
/// for a round or an option this database does not have fails the record with a message
/// naming it, and the batch's other records are stored. Delivering the record again later
/// (once the round is here) is safe: votes already stored are skipped. Votes whose venue is
/// this database's own venue are skipped too: they are here already.
enum RemoteVoteWriter {
    static func apply(_ votes: [RemoteVote], in db: Database) throws {
        let own = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM this_venue WHERE id = 1"))
        for remote in votes where remote.venue != own {
            let vote = remote.vote
            guard RemoteVote.isVenueName(remote.venue) else { throw StoreError.badVenue(remote.venue) }
            let known = try Row.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT EXISTS (SELECT 1 FROM rounds WHERE id = ?1) AS round,
                            EXISTS (SELECT 1 FROM round_options WHERE round_id = ?1 AND option_id = ?2) AS option
                        """),
                arguments: [vote.roundID, vote.optionID])
            guard known?["round"] == true else { throw StoreError.unknownRound(vote.roundID) }
            guard known?["option"] == true else {
                throw StoreError.unknownOption(round: vote.roundID, option: vote.optionID)
            }
            let at = StoreTime.text(vote.at)
            try db.cachedStatement(
                sql: "INSERT INTO devices (token, joined_at) VALUES (?, ?) ON CONFLICT (token) DO NOTHING"
            ).execute(arguments: [vote.device, at])
            try db.cachedStatement(
                sql: """
                    INSERT INTO votes (round_id, device, option_id, perspective, reason, cast_at, place, venue,
                        venue_sequence)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (venue, venue_sequence) WHERE venue_sequence IS NOT NULL DO NOTHING
                    """
            ).execute(arguments: [
                vote.roundID, vote.device, vote.optionID, vote.perspective, vote.reason.rawValue, at,
                vote.place?.rawValue, remote.venue, remote.sequence,
            ])
        }
    }
}
