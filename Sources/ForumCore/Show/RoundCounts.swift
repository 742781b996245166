/// *(addition)* One round's counts without its voters: what another venue of a shared show
/// reports four times a second, and what is summed into the room's tally. Option id →
/// count, overall and by group, as in ``Tally``.
public struct RoundCounts: Sendable, Equatable {
    public var counts: [String: Int]
    public var byPerspective: [String: [String: Int]]
    public var noPerspective: [String: Int]
    public var byPlace: [Place: [String: Int]]
    public var noPlace: [String: Int]

    /// Counts from their parts (all empty: nobody voted).
    public init(
        counts: [String: Int] = [:], byPerspective: [String: [String: Int]] = [:], noPerspective: [String: Int] = [:],
        byPlace: [Place: [String: Int]] = [:], noPlace: [String: Int] = [:]
    ) {
        self.counts = counts
        self.byPerspective = byPerspective
        self.noPerspective = noPerspective
        self.byPlace = byPlace
        self.noPlace = noPlace
    }

    /// The counts of a tally (its round id and option order aside).
    public init(_ tally: Tally) {
        self.init(
            counts: tally.counts, byPerspective: tally.byPerspective, noPerspective: tally.noPerspective,
            byPlace: tally.byPlace, noPlace: tally.noPlace)
    }

    /// Voters counted.
    public var total: Int { counts.values.reduce(0, +) }

    /// These counts with `other`'s added, group by group; with `options`, only those options
    /// of `other` are added.
    public func adding(_ other: RoundCounts, options: Set<String>? = nil) -> RoundCounts {
        func sum(_ mine: [String: Int], _ theirs: [String: Int]) -> [String: Int] {
            mine.merging(
                options.map { known in theirs.filter { known.contains($0.key) } } ?? theirs, uniquingKeysWith: +)
        }
        func sum<Key>(_ mine: [Key: [String: Int]], _ theirs: [Key: [String: Int]]) -> [Key: [String: Int]] {
            theirs.reduce(into: mine) { result, group in result[group.key] = sum(result[group.key] ?? [:], group.value)
            }
        }
        return RoundCounts(
            counts: sum(counts, other.counts), byPerspective: sum(byPerspective, other.byPerspective),
            noPerspective: sum(noPerspective, other.noPerspective), byPlace: sum(byPlace, other.byPlace),
            noPlace: sum(noPlace, other.noPlace))
    }
}

extension Tally {
    /// This tally with `other` venues' counts added, group by group. Options this round does
    /// not have are left out (a venue's report can only name the round's own options).
    public func adding(_ other: RoundCounts) -> Tally {
        let sum = RoundCounts(self).adding(other, options: Set(optionOrder))
        var result = self
        result.counts = sum.counts
        result.byPerspective = sum.byPerspective
        result.noPerspective = sum.noPerspective
        result.byPlace = sum.byPlace
        result.noPlace = sum.noPlace
        return result
    }
}
