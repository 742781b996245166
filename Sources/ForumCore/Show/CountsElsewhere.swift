/// *(addition)* What the other venues of a shared show last reported: each venue's counts
/// for the rounds it reported, newest rounds kept (a few, so `undo` finds them again).
/// Reports are snapshots, so keeping the latest one per venue and round counts every vote
/// once however often it is reported.
public struct CountsElsewhere: Sendable, Equatable {
    private var byVenue: [String: [String: RoundCounts]] = [:]
    private var recent: [String: [String]] = [:]
    /// Each venue's latest Stop! count, with the scene visit it counts in.
    private var stopsByVenue: [String: Stops] = [:]

    /// A venue's Stop! count in one scene visit.
    private struct Stops: Sendable, Equatable {
        var visit: Int
        var count: Int
    }
    /// Rounds kept per venue.
    static let roundsKept = 12

    /// Nothing reported yet.
    public init() {}

    /// True when no other venue has reported anything.
    public var isEmpty: Bool { byVenue.isEmpty && stopsByVenue.isEmpty }

    /// Keeps `venue`'s latest Stop! count for scene visit `visit`; true when it changed.
    @discardableResult
    public mutating func reportStops(venue: String, visit: Int, count: Int) -> Bool {
        let changed = stopsByVenue[venue].map { $0.visit != visit || $0.count != count } ?? (count > 0)
        stopsByVenue[venue] = Stops(visit: visit, count: count)
        return changed
    }

    /// The other venues' Stop! counts in scene visit `visit`, summed.
    public func stops(in visit: Int) -> Int {
        stopsByVenue.values.reduce(0) { $0 + ($1.visit == visit ? $1.count : 0) }
    }

    /// Keeps `venue`'s latest counts for `round`.
    public mutating func report(venue: String, round: String, counts: RoundCounts) {
        byVenue[venue, default: [:]][round] = counts
        var rounds = recent[venue, default: []]
        rounds.removeAll { $0 == round }
        rounds.append(round)
        if rounds.count > Self.roundsKept {
            for old in rounds.prefix(rounds.count - Self.roundsKept) { byVenue[venue]?[old] = nil }
            rounds.removeFirst(rounds.count - Self.roundsKept)
        }
        recent[venue] = rounds
    }

    /// The other venues' counts for `round`, summed.
    public func sum(for round: String) -> RoundCounts {
        byVenue.values.compactMap { $0[round] }.reduce(RoundCounts()) { $0.adding($1) }
    }

    /// Voters the other venues counted in `round`.
    public func voters(for round: String) -> Int {
        byVenue.values.reduce(0) { $0 + ($1[round]?.total ?? 0) }
    }

    /// `venue`'s own counts for `round`, if it reported them.
    public func counts(of venue: String, round: String) -> RoundCounts? {
        byVenue[venue]?[round]
    }
}
