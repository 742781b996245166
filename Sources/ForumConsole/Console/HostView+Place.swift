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
    mutating func take(_ message: ServerMessage) {
        switch message {
        case .welcome(let welcome): remoteJoinURL = welcome.remote?.url
        case .state(let state):
            roundID = state.decision?.roundID
            splitBy = state.decision?.splitBy.rawValue
            takeTally(state.tally)
            takeAudience(state.audience)
        case .tally(let message):
            guard message.tally.roundID == roundID else { return }
            takeTally(message.tally)
            takeAudience(message.audience)
        default: break
        }
    }

    private mutating func takeTally(_ tally: TallyCounts?) {
        let places = tally?.places
        byPlace = Dictionary((places?.byPlace ?? []).map { ($0.place.rawValue, $0.counts.dictionary) }) { a, _ in a }
        noPlace = places?.noPlace.dictionary ?? [:]
    }

    private mutating func takeAudience(_ audience: AudienceCount?) {
        guard let audience else { return }
        connectedByPlace = audience.byPlace
        connectedWithoutPlace = audience.noPlace
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
