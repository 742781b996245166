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
    func placeSplit(of tally: Tally, countsShown: Bool, perspectiveShown: Bool) -> SplitShown {
        // Nobody said where they take part from: no split by place to show or to withhold.
        guard countsShown, !tally.byPlace.isEmpty else { return ([], [], nil) }
        var groups: [VoterGroup: [String: Int]] = [.noPlace: tally.noPlace]
        for (place, counts) in tally.byPlace { groups[.place(place)] = counts }
        return split(
            of: tally, into: groups, none: .noPlace,
            name: { ($0.place?.rawValue ?? "no_place", Self.label(of: $0.place)) }, anotherShown: perspectiveShown)
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
