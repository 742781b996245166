/// One group of voters in a split by perspective (the devices that gave a perspective, or
/// those that gave none) or *(addition)* by place. The order (no perspective first, then
/// perspective ids A to Z; no place, then room, then remote) is the tie-break of ``ShownSplit``.
public enum VoterGroup: Sendable, Hashable, Comparable {
    /// Devices that gave no perspective: a group like any other.
    case noPerspective
    /// Devices that gave this perspective id.
    case perspective(String)
    /// Devices that did not say where they take part from (a split by place).
    case noPlace
    /// Devices that said they take part from this place.
    case place(Place)
    /// *(addition)* Devices whose vote was cast at no named venue (a split by venue).
    case noVenue
    /// *(addition)* Devices that voted at this venue of a show held in several venues.
    case venue(String)

    /// The perspective id, or nil for ``noPerspective`` and the place groups.
    public var perspectiveID: String? {
        if case .perspective(let id) = self { id } else { nil }
    }

    /// The place, or nil for ``noPlace`` and the perspective groups.
    public var place: Place? {
        if case .place(let place) = self { place } else { nil }
    }

    /// The venue, or nil for ``noVenue`` and the other groups.
    public var venue: String? {
        if case .venue(let name) = self { name } else { nil }
    }
}

/// What the room may see of a tally split by perspective, so that from everything shown
/// (the overall counts included) nobody can work out the votes of a group of fewer than
/// `threshold` people.
///
/// The overall counts are always shown, so whoever is not in a shown group can be worked
/// out by subtraction: the rule makes sure those people are nobody, or at least `threshold`
/// people, who are then shown together as ``others`` ("everyone else").
///
/// 1. Every group (each perspective, and the devices with no perspective) with at least
///    `threshold` voters is shown; smaller ones are ``small``.
/// 2. While the people left over number 1 to `threshold - 1`, the smallest shown group is
///    folded in with them (``folded``); on equal sizes the no-perspective group goes first,
///    then perspectives by id. One fold is always enough: it adds at least `threshold`.
/// 3. If no group is left to show although people voted, the split is ``withheld``.
///
/// Pure; the host sees the exact tally instead.
public struct ShownSplit: Sendable, Equatable {
    /// Why no split is shown.
    public enum Withheld: String, Sendable, Equatable {
        /// No group can be shown without letting a group of fewer than the threshold be
        /// worked out.
        case tooFew = "too_few"
    }

    /// People counted together, not in any shown group.
    public struct Others: Sendable, Equatable {
        /// How many (at least the threshold).
        public var voters: Int
        /// Option id → count, every option of the tally.
        public var counts: [String: Int]

        /// People counted together.
        public init(voters: Int, counts: [String: Int]) {
            self.voters = voters
            self.counts = counts
        }
    }

    /// Groups shown under their own name → option id → count (each with at least the
    /// threshold of voters).
    public var shown: [VoterGroup: [String: Int]]
    /// Everyone not in a shown group, when there is anyone and a group is shown.
    public var others: Others?
    /// Groups of 1 to threshold − 1 voters, sorted.
    public var small: [VoterGroup]
    /// Groups big enough to show that were counted with ``others`` instead, sorted.
    public var folded: [VoterGroup]
    /// Set when people voted but no group can be shown.
    public var withheld: Withheld?

    /// The split of `tally` the room may see: groups of fewer than `threshold` voters can
    /// be neither seen nor worked out.
    public init(of tally: Tally, threshold: Int) {
        self.init(of: tally, by: .perspective, threshold: threshold)
    }

    /// The split of `tally` by `dimension` the room may see, under the same rule. The rule
    /// holds per dimension: the room is shown one dimension per round (see docs/privacy.md).
    public init(of tally: Tally, by dimension: SplitDimension, threshold: Int) {
        var groups: [VoterGroup: [String: Int]] = [:]
        switch dimension {
        case .perspective:
            for (id, counts) in tally.byPerspective { groups[.perspective(id)] = counts }
            groups[.noPerspective] = tally.noPerspective
        case .place:
            for (place, counts) in tally.byPlace { groups[.place(place)] = counts }
            groups[.noPlace] = tally.noPlace
        }
        self.init(of: tally, groups: groups, threshold: threshold)
    }

    /// *(addition)* The split of `tally` into `groups` (group → option id → count; together
    /// they hold each of the tally's voters once), under the same rule: for a dimension the
    /// live tally does not carry, such as the venues of a shared show in a report.
    public init(of tally: Tally, groups: [VoterGroup: [String: Int]], threshold: Int) {
        precondition(threshold > 0, "the threshold must be positive")
        let sizes = groups.mapValues { $0.values.reduce(0, +) }.filter { $0.value > 0 }
        var shownGroups = Set(sizes.keys.filter { sizes[$0]! >= threshold })
        var folded: [VoterGroup] = []
        var left = tally.total - shownGroups.reduce(0) { $0 + sizes[$1]! }
        while (1..<threshold).contains(left),
            let smallest = shownGroups.min(by: { (sizes[$0]!, $0) < (sizes[$1]!, $1) })
        {
            shownGroups.remove(smallest)
            folded.append(smallest)
            left += sizes[smallest]!
        }
        shown = Dictionary(uniqueKeysWithValues: shownGroups.map { ($0, groups[$0]!) })
        small = sizes.keys.filter { sizes[$0]! < threshold }.sorted()
        self.folded = folded.sorted()
        withheld = shownGroups.isEmpty && tally.total > 0 ? .tooFew : nil
        others = nil
        if !shownGroups.isEmpty, left > 0 {
            let shown = self.shown
            let options = Set(tally.optionOrder).union(tally.counts.keys)
            others = Others(
                voters: left,
                counts: Dictionary(
                    uniqueKeysWithValues: options.map { option in
                        (
                            option,
                            tally.counts[option, default: 0] - shown.values.reduce(0) { $0 + $1[option, default: 0] }
                        )
                    }))
        }
    }

    /// Whether `group`'s own counts are kept from the room (too small, or folded).
    public func hides(_ group: VoterGroup) -> Bool {
        small.contains(group) || folded.contains(group)
    }
}
