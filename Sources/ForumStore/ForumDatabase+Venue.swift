import ForumCore
import Foundation
import GRDB

/// The venues of a shared show *(addition)*: which venue this database is, and its outbox,
/// the votes cast here for the other venues and the archive (see ``RemoteVote``).
extension ForumDatabase {
    /// Says this database is venue `name`'s (nil: a single-machine show, or an archive). Call
    /// it once the database is open, before the show writes (`forum serve --venue NAME`):
    /// votes cast here are then stored with that venue. Setting the name it has already does
    /// nothing.
    ///
    /// - Throws: ``StoreError/badVenue(_:)`` for a name ``ForumCore/RemoteVote/isVenueName(_:)``
    ///   refuses; ``StoreError/venueChanged(path:was:)`` when the database already holds votes
    ///   cast here under another name (or none): each venue keeps its own file.
    public func setVenue(_ name: String?) throws {
        if let name, !RemoteVote.isVenueName(name) { throw StoreError.badVenue(name) }
        try pool.write { db in
            let was = try String.fetchOne(db, sql: "SELECT name FROM this_venue WHERE id = 1")
            guard was != name else { return }
            let votedHere = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM votes WHERE venue_sequence IS NULL)")
            guard votedHere != true else { throw StoreError.venueChanged(path: path, was: was) }
            try db.execute(sql: "DELETE FROM this_venue")
            if let name { try db.execute(sql: "INSERT INTO this_venue (id, name) VALUES (1, ?)", arguments: [name]) }
        }
    }

    /// The venue this database is, nil on a single-machine show, in an archive, and in a
    /// database from before venues.
    public func venue() throws -> String? {
        try pool.read { db in
            guard try db.tableExists("this_venue") else { return nil }
            return try String.fetchOne(db, sql: "SELECT name FROM this_venue WHERE id = 1")
        }
    }

    /// The venue's outbox: the vote rows cast here (every row: votes, and re-recordings after
    /// a change of perspective or place) with an id above `after`, in id order, at most
    /// `limit`, each as a ``RemoteVote`` of this venue numbered by its row id. Reads on a
    /// reader connection of its own, so it never waits for the show's writer.
    ///
    /// - Throws: ``StoreError/noVenue(path:)`` when the database is no venue's.
    public func votesCastHere(after id: Int64, limit: Int) throws -> [RemoteVote] {
        try pool.read { db in
            let venue = try Self.ownVenue(db, path: path)
            let rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT id, round_id, device, option_id, perspective, reason, cast_at, place FROM votes
                        WHERE id > ? AND venue_sequence IS NULL ORDER BY id LIMIT ?
                        """),
                arguments: [id, max(0, limit)])
            return try rows.map { row in
                let castAt: String = row["cast_at"]
                guard let at = StoreTime.date(castAt) else { throw StoreError.badTime(castAt) }
                let reason: String = row["reason"]
                return RemoteVote(
                    venue: venue, sequence: row["id"],
                    vote: VoteRecord(
                        roundID: row["round_id"], device: row["device"], optionID: row["option_id"],
                        perspective: row["perspective"], place: (row["place"] as String?).flatMap(Place.init),
                        reason: VoteReason(rawValue: reason) ?? .vote, at: at))
            }
        }
    }

    /// How many vote rows were cast here (the outbox's length from the start).
    public func votesCastHereCount() throws -> Int64 {
        try pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT count(*) FROM votes WHERE venue_sequence IS NULL") ?? 0
        }
    }

    /// How many vote rows were cast here after row `id` (what the hub has not confirmed).
    public func votesCastHereCount(after id: Int64) throws -> Int64 {
        try pool.read { db in
            try Int64.fetchOne(
                db, sql: "SELECT count(*) FROM votes WHERE venue_sequence IS NULL AND id > ?", arguments: [id])
                ?? 0
        }
    }

    /// The id of the last vote row cast here, nil before the first.
    public func lastVoteCastHere() throws -> Int64? {
        try pool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM votes WHERE venue_sequence IS NULL ORDER BY id DESC LIMIT 1")
        }
    }

    private static func ownVenue(_ db: Database, path: String) throws -> String {
        guard let name = try String.fetchOne(db, sql: "SELECT name FROM this_venue WHERE id = 1") else {
            throw StoreError.noVenue(path: path)
        }
        return name
    }
}
