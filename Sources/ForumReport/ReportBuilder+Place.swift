import ForumCore
import ForumExport

/// A round's split by place *(addition)*: in the room, following remotely, did not say.
extension ReportBuilder {
    /// Why the community edition shows no split by place for a round although its counts show.
    static let oneSplitPerRound = "one_split_per_round"

    /// The split by place this edition shows, the places it hides, and why it shows none
    /// (``oneSplitPerRound``). The organisers' edition shows every place exactly. The community
    /// edition applies the room's rule (``ShownSplit``) by place, and shows it only for a round
    /// whose split by perspective shows no group smaller than the whole round (and only once somebody said a place): two splits of the same votes could be
    /// subtracted from each other (docs/privacy.md).
    func placeSplit(of tally: Tally, countsShown: Bool, perspectiveShown: Bool) -> (
        groups: [GroupReport], hidden: [String], withheld: String?
    ) {
        // Nobody said where they take part from: no split by place to show or to withhold.
        guard countsShown, !tally.byPlace.isEmpty else { return ([], [], nil) }
        func report(_ group: VoterGroup, _ counts: [String: Int]) -> GroupReport {
            GroupReport(
                group: group.place?.rawValue ?? "no_place", label: Self.label(of: group.place),
                voters: counts.values.reduce(0, +), votes: counts)
        }
        guard community else {
            var groups = Place.allCases.compactMap { place in tally.byPlace[place].map { report(.place(place), $0) } }
            if tally.noPlace.values.reduce(0, +) > 0 { groups.append(report(.noPlace, tally.noPlace)) }
            return (groups.filter { $0.voters > 0 }, [], nil)
        }
        guard !perspectiveShown else { return ([], [], Self.oneSplitPerRound) }
        let shown = ShownSplit(of: tally, by: .place, threshold: Self.threshold)
        var groups = shown.shown.keys.sorted().map { report($0, shown.shown[$0]!) }
        if let others = shown.others {
            groups.append(
                GroupReport(group: "everyone_else", label: "Everyone else", voters: others.voters, votes: others.counts)
            )
        }
        return (groups, (shown.small + shown.folded).sorted().map { $0.place?.rawValue ?? "no_place" }, nil)
    }

    /// "In the room", "Following remotely", or "Did not say".
    static func label(of place: Place?) -> String {
        switch place {
        case .room: "In the room"
        case .remote: "Following remotely"
        case nil: "Did not say"
        }
    }
}
