import ForumCore

/// A split of a round's votes into groups other than by perspective (by place, by venue), as
/// one edition shows it.
extension ReportBuilder {
    /// One split's groups, the groups it hides and why it shows none.
    typealias SplitShown = (groups: [GroupReport], hidden: [String], withheld: String?)

    /// The split of `tally` into `groups` (one of them `none`, the voters who did not say)
    /// this edition shows. The organisers' edition shows every group exactly (`none` last).
    /// The community edition applies the room's rule (``ShownSplit``) to these groups, and
    /// shows them only when `anotherShown` is false: two splits of the same votes could be
    /// subtracted from each other (docs/privacy.md), so it withholds this one
    /// (``oneSplitPerRound``).
    func split(
        of tally: Tally, into groups: [VoterGroup: [String: Int]], none: VoterGroup,
        name: (VoterGroup) -> (id: String, label: String), anotherShown: Bool
    ) -> SplitShown {
        func report(_ group: VoterGroup, _ counts: [String: Int]) -> GroupReport {
            let (id, label) = name(group)
            return GroupReport(group: id, label: label, voters: counts.values.reduce(0, +), votes: counts)
        }
        guard community else {
            let order = groups.keys.filter { $0 != none }.sorted() + (groups[none] == nil ? [] : [none])
            return (order.map { report($0, groups[$0]!) }.filter { $0.voters > 0 }, [], nil)
        }
        guard !anotherShown else { return ([], [], Self.oneSplitPerRound) }
        let shown = ShownSplit(of: tally, groups: groups, threshold: Self.threshold)
        var reports = shown.shown.keys.sorted().map { report($0, shown.shown[$0]!) }
        if let others = shown.others {
            reports.append(
                GroupReport(group: "everyone_else", label: "Everyone else", voters: others.voters, votes: others.counts)
            )
        }
        return (reports, (shown.small + shown.folded).sorted().map { name($0).id }, nil)
    }
}
