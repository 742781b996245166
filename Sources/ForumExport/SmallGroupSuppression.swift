import ForumStore

/// A count as shown to people: exact, or hidden as "fewer than N".
public enum ShownCount: Sendable, Equatable, CustomStringConvertible {
    /// The exact count.
    case exact(Int)
    /// A count below the threshold (zero included), hidden.
    case fewerThan(Int)

    /// `"12"`, or `"fewer than 5"`.
    public var description: String {
        switch self {
        case .exact(let count): String(count)
        case .fewerThan(let threshold): "fewer than \(threshold)"
        }
    }
}

/// Hides small groups in counts shown to people (a projector, a printed report), so that
/// nobody in a small group can be singled out: "the only police officer in the room voted
/// for …". Exports for organisers keep exact counts and do not use this.
///
/// Every group under the threshold (zero included: "nobody from X" is a disclosure too)
/// is shown as "fewer than N". When exactly one group of a breakdown would be hidden, the
/// next smallest is hidden too: the total is shown, so a single hidden group could be
/// worked out by subtraction.
public struct SmallGroupSuppression: Sendable, Equatable {
    /// Groups with fewer members than this are hidden; 5 by default.
    public var threshold: Int

    /// A suppression rule with the given threshold.
    public init(threshold: Int = 5) {
        precondition(threshold > 0, "the threshold must be positive")
        self.threshold = threshold
    }

    /// The groups of one breakdown, in the same order, small ones hidden. Ties for the
    /// second hidden group go to the first in order.
    public func apply(to counts: [Int]) -> [ShownCount] {
        var hidden = Set(counts.indices.filter { counts[$0] < threshold })
        if hidden.count == 1, counts.count > 1,
            let next = counts.indices.filter({ !hidden.contains($0) }).min(by: { counts[$0] < counts[$1] })
        {
            hidden.insert(next)
        }
        return counts.indices.map { hidden.contains($0) ? .fewerThan(threshold) : .exact(counts[$0]) }
    }

    /// The by-perspective breakdown of a tally, small groups hidden. `perspectives` lists the
    /// groups to show (a perspective absent from the tally counts 0); devices with no
    /// perspective form one more group. The tally's total stays exact.
    public func apply(to tally: OptionTally, perspectives: [String]) -> ShownBreakdown {
        let counts = perspectives.map { tally.byPerspective[$0] ?? 0 } + [tally.noPerspective]
        let shown = apply(to: counts)
        return ShownBreakdown(
            count: tally.count,
            byPerspective: Dictionary(uniqueKeysWithValues: zip(perspectives, shown)),
            noPerspective: shown[shown.count - 1])
    }
}

/// A tally's breakdown by perspective as shown to people (see ``SmallGroupSuppression``).
public struct ShownBreakdown: Sendable, Equatable {
    /// The option's exact total of final votes.
    public var count: Int
    /// Each perspective asked for, exact or hidden.
    public var byPerspective: [String: ShownCount]
    /// Devices with no perspective, exact or hidden.
    public var noPerspective: ShownCount

    /// A shown breakdown.
    public init(count: Int, byPerspective: [String: ShownCount], noPerspective: ShownCount) {
        self.count = count
        self.byPerspective = byPerspective
        self.noPerspective = noPerspective
    }
}
