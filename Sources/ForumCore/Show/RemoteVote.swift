import Foundation

/// A vote as it travels between the venues of a shared show: where it was cast, its
/// number there (its row id in that venue's database) and the vote itself.
public struct RemoteVote: Sendable, Equatable, Codable {
    public var venue: String
    public var sequence: Int64
    public var vote: VoteRecord

    /// A vote cast at `venue` as row `sequence` there.
    public init(venue: String, sequence: Int64, vote: VoteRecord) {
        self.venue = venue
        self.sequence = sequence
        self.vote = vote
    }

    /// Whether `name` can name a venue: 1 to 64 letters, digits, `-` or `_` (no spaces, dots
    /// or other marks, so it fits a file name, a CSV column and a message subject as it is).
    public static func isVenueName(_ name: String) -> Bool {
        (1...64).contains(name.unicodeScalars.count)
            && name.unicodeScalars.allSatisfy {
                $0 == "-" || $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType == .decimal
            }
    }
}

/// Why a ``RemoteVote``'s wire form was refused.
public enum RemoteVoteError: Error, Equatable, CustomStringConvertible {
    /// The payload is not JSON (or not an object, or not an array of them).
    case notJSON
    /// A member is missing or has the wrong type or value.
    case badField(String)

    /// One sentence for a log line.
    public var description: String {
        switch self {
        case .notJSON: "A remote vote is not a JSON object."
        case .badField(let key): "A remote vote has no valid '\(key)'."
        }
    }
}

/// The compact wire form: one JSON object with one-letter keys, `v` venue, `n` sequence,
/// `r` round, `d` device, `o` option, `p` perspective, `l` place (`p` and `l` null when not
/// said), `w` why (the ``VoteReason``) and `t` the time (ISO 8601 UTC, milliseconds).
extension RemoteVote {
    /// The vote as compact UTF-8 JSON.
    public var json: [UInt8] { jsonValue.bytes }

    /// Reads a vote from its wire form.
    ///
    /// - Throws: ``RemoteVoteError`` naming the first member that is missing or wrong.
    public init(json: [UInt8]) throws {
        guard let value = JSONValue(parsing: json) else { throw RemoteVoteError.notJSON }
        try self.init(jsonValue: value)
    }

    /// Several votes as one compact JSON array of wire forms.
    public static func json(of votes: [RemoteVote]) -> [UInt8] {
        JSONValue.array(votes.map(\.jsonValue)).bytes
    }

    /// Reads a JSON array of wire forms.
    ///
    /// - Throws: ``RemoteVoteError`` for the first vote that is wrong (none is returned then).
    public static func votes(json: [UInt8]) throws -> [RemoteVote] {
        guard let items = JSONValue(parsing: json)?.arrayValue else { throw RemoteVoteError.notJSON }
        return try items.map { try RemoteVote(jsonValue: $0) }
    }

    var jsonValue: JSONValue {
        .object([
            ("v", .string(venue)), ("n", .int(Int(sequence))), ("r", .string(vote.roundID)),
            ("d", .string(vote.device)), ("o", .string(vote.optionID)), ("p", .string(vote.perspective)),
            ("l", .string(vote.place?.rawValue)), ("w", .string(vote.reason.rawValue)),
            ("t", .string(ISOTime.string(vote.at))),
        ])
    }

    init(jsonValue json: JSONValue) throws {
        guard json.members != nil else { throw RemoteVoteError.notJSON }
        func text(_ key: String) throws -> String {
            guard let text = json[key]?.stringValue, !text.isEmpty else { throw RemoteVoteError.badField(key) }
            return text
        }
        func optional(_ key: String) throws -> String? {
            switch json[key] {
            case nil, .null?: return nil
            case .string(let text)? where !text.isEmpty: return text
            default: throw RemoteVoteError.badField(key)
            }
        }
        let venue = try text("v")
        guard Self.isVenueName(venue) else { throw RemoteVoteError.badField("v") }
        guard let sequence = json["n"]?.intValue, sequence > 0 else { throw RemoteVoteError.badField("n") }
        guard let reason = VoteReason(rawValue: try text("w")) else { throw RemoteVoteError.badField("w") }
        guard let parsed = ISOTime.date(try text("t")) else { throw RemoteVoteError.badField("t") }
        let place = try optional("l")
        guard place == nil || Place(rawValue: place!) != nil else { throw RemoteVoteError.badField("l") }
        // To the millisecond, as it was written: the text's fraction read back is a hair off.
        let at = Date(timeIntervalSince1970: (parsed.timeIntervalSince1970 * 1000).rounded() / 1000)
        self.init(
            venue: venue, sequence: Int64(sequence),
            vote: VoteRecord(
                roundID: try text("r"), device: try text("d"), optionID: try text("o"),
                perspective: try optional("p"), place: place.flatMap(Place.init(rawValue:)), reason: reason, at: at))
    }
}
