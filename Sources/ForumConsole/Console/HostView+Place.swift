import ForumCore

/// Where people take part from *(addition)*, as the host's messages say it: the remote join
/// link, the round's split dimension, the exact votes by place and the phones by place.
public struct PlaceView: Sendable, Equatable {
    /// The link people following remotely open (host `welcome` `remote_join_url`).
    public var remoteJoinURL: String?
    /// The dimension of the scene's split: `perspective` or `place` (nil: the server does not say).
    public var splitBy: String?
    /// Place (`room`, `remote`) → option id → count, and the votes of those who did not say.
    public var byPlace: [String: [String: Int]] = [:]
    public var noPlace: [String: Int] = [:]
    /// Phones connected by place, and those that did not say (nil: the server does not say).
    public var connectedByPlace: [String: Int]?
    public var connectedWithoutPlace: Int?
    /// The round the counts are of.
    var roundID: String?

    public init() {}

    /// Whether the bars are split by place.
    public var splitByPlace: Bool { splitBy == "place" }

    /// Takes in what a server message says of places; the rest is ignored.
    mutating func take(_ message: [String: Any]) {
        switch message["type"] as? String {
        case "welcome": remoteJoinURL = message["remote_join_url"] as? String
        case "state":
            let decision = message["decision"] as? [String: Any]
            roundID = decision?["id"] as? String
            splitBy = decision?["split_by"] as? String
            takeTally(message["tally"] as? [String: Any])
            takeAudience(message["audience"] as? [String: Any])
        case "tally":
            guard (message["decision"] as? String).map({ $0 == roundID }) ?? true else { return }
            takeTally(message)
            takeAudience(message["audience"] as? [String: Any])
        default: break
        }
    }

    private mutating func takeTally(_ tally: [String: Any]?) {
        func numbers(_ value: Any?) -> [String: Int] {
            (value as? [String: Any] ?? [:]).compactMapValues { $0 as? Int }
        }
        byPlace = (tally?["by_place"] as? [String: Any] ?? [:]).mapValues(numbers)
        noPlace = numbers(tally?["no_place"])
    }

    private mutating func takeAudience(_ audience: [String: Any]?) {
        guard let audience else { return }
        connectedByPlace = (audience["by_place"] as? [String: Any])?.compactMapValues { $0 as? Int }
        connectedWithoutPlace = audience["no_place"] as? Int
    }

    /// The votes by place with typed keys, for the small-group rule (``ShownSplit``): only
    /// the places somebody voted from, as the server's own tally has them.
    var votesByPlace: [Place: [String: Int]] {
        var result: [Place: [String: Int]] = [:]
        for place in Place.allCases {
            if let votes = byPlace[place.rawValue], votes.values.reduce(0, +) > 0 { result[place] = votes }
        }
        return result
    }
}
