import ForumCore
import Foundation
import GRDB

/// A device as the store knows it: its opaque token and current perspective.
public struct StoredDevice: Sendable, Equatable {
    /// The device's opaque token.
    public var token: String
    /// The perspective it chose, nil if none.
    public var perspective: String?
    /// *(addition)* Where it said it takes part from, nil if it did not say.
    public var place: Place?

    /// A device with a token, an optional perspective and an optional place.
    public init(token: String, perspective: String?, place: Place? = nil) {
        self.token = token
        self.perspective = perspective
        self.place = place
    }
}

/// The vote that counts for one device in one round: its latest row.
public struct LatestVote: Sendable, Equatable {
    /// The device's opaque token.
    public var device: String
    /// The option of its latest row.
    public var optionID: String
    /// The perspective recorded with that row, nil if none.
    public var perspective: String?
    /// *(addition)* The place recorded with that row, nil if none.
    public var place: Place?

    /// A device's latest vote in a round.
    public init(device: String, optionID: String, perspective: String?, place: Place? = nil) {
        self.device = device
        self.optionID = optionID
        self.perspective = perspective
        self.place = place
    }
}

extension ForumDatabase {
    /// The show's last stored position, nil for a new database.
    public func loadSnapshot() throws -> ShowSnapshot? {
        guard let json = try pool.read({ try String.fetchOne($0, sql: "SELECT json FROM show_snapshot WHERE id = 1") })
        else { return nil }
        return try JSONDecoder.snapshot.decode(ShowSnapshot.self, from: Data(json.utf8))
    }

    /// Every device that ever joined, in joining order, with its current perspective.
    public func devices() throws -> [StoredDevice] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT token, perspective, place FROM devices ORDER BY rowid").map {
                StoredDevice(
                    token: $0["token"], perspective: $0["perspective"],
                    place: ($0["place"] as String?).flatMap(Place.init))
            }
        }
    }

    /// The latest vote of each device in a round (a `vote` or a `perspective` row, whichever
    /// came last), in the order those latest rows were written.
    public func latestVotes(round roundID: String) throws -> [LatestVote] {
        try pool.read { db in
            let sql = """
                SELECT v.device, v.option_id, v.perspective, v.place
                FROM votes v
                JOIN (SELECT max(id) AS id FROM votes WHERE round_id = ? GROUP BY device) latest
                    ON latest.id = v.id
                ORDER BY v.id
                """
            return try Row.fetchAll(db, sql: sql, arguments: [roundID]).map {
                LatestVote(
                    device: $0["device"], optionID: $0["option_id"], perspective: $0["perspective"],
                    place: ($0["place"] as String?).flatMap(Place.init))
            }
        }
    }
}

extension JSONDecoder {
    /// The decoder for the stored show snapshot (times as written by ``JSONEncoder/snapshot``).
    static var snapshot: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = StoreTime.date(text) else { throw StoreError.badTime(text) }
            return date
        }
        return decoder
    }
}
