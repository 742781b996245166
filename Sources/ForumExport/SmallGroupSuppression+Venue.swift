import ForumCore
import ForumStore

/// The split by venue of a show held in several venues *(addition)*, under the room's rule.
extension SmallGroupSuppression {
    /// What may be shown of one round's split by venue: ``ShownSplit``'s rule, on its own, as
    /// for the split by place.
    public static func venueSplit(of round: [OptionTally], threshold: Int = Show.smallGroupThreshold) -> ShownSplit {
        ShownSplit(of: tally(of: round), groups: venueGroups(of: round), threshold: threshold)
    }

    /// One round's final votes by venue (``VoterGroup/venue(_:)``, and ``VoterGroup/noVenue``
    /// for votes cast at no named venue), every option present in each, zeros included.
    public static func venueGroups(of round: [OptionTally]) -> [VoterGroup: [String: Int]] {
        let zeros = Dictionary(uniqueKeysWithValues: round.map { ($0.optionID, 0) })
        var groups: [VoterGroup: [String: Int]] = [:]
        for option in round {
            for (venue, count) in option.byVenue where count > 0 {
                groups[.venue(venue), default: zeros][option.optionID] = count
            }
            if option.noVenue > 0 { groups[.noVenue, default: zeros][option.optionID] = option.noVenue }
        }
        return groups
    }
}
