import ForumCore
import ForumExport
import ForumStore

/// The venues of a show held in several venues at once *(addition)*: which took part, how
/// many people voted at each, and each round's split by venue, under the same rules as the
/// split by place. With the votes of one venue only, none of it appears.
extension ReportBuilder {
    /// True when the votes were cast at more than one venue.
    var severalVenues: Bool {
        Set(results.tallies.flatMap(\.byVenue.keys)).count > 1
    }

    /// A venue group's id and label: the venue's name, or `no_venue` for votes cast at none.
    static func venueName(_ group: VoterGroup) -> (id: String, label: String) {
        group.venue.map { ($0, $0) } ?? ("no_venue", "No venue recorded")
    }

    /// The venues and the people who voted at each (a device votes at one venue). The
    /// community edition shows them by the room's rule (``ShownSplit``, over one count per
    /// venue): a venue of 1 to 4 people has no count, nor can its count be worked out from
    /// the total of phones: if needed another venue is counted with it as "everyone else".
    func venuesPresent() -> [VenuePresent]? {
        guard severalVenues else { return nil }
        var venueOf: [String: String?] = [:]
        for vote in results.finalVotes { venueOf[vote.device] = vote.venue }
        var people: [VoterGroup: [String: Int]] = [:]
        for venue in venueOf.values {
            people[venue.map(VoterGroup.venue) ?? .noVenue, default: ["voted": 0]]["voted"]! += 1
        }
        let order = people.keys.filter { $0 != .noVenue }.sorted() + (people[.noVenue] == nil ? [] : [.noVenue])
        func present(_ group: VoterGroup, _ phones: Int?) -> VenuePresent {
            let (id, label) = Self.venueName(group)
            return VenuePresent(id: id, label: label, phones: phones)
        }
        guard community else { return order.map { present($0, people[$0]!["voted"]) } }
        let everyone = Tally(
            roundID: "", optionOrder: ["voted"], counts: ["voted": venueOf.count], byPerspective: [:],
            noPerspective: [:])
        let shown = ShownSplit(of: everyone, groups: people, threshold: Self.threshold)
        return order.map { present($0, shown.shown[$0]?["voted"]) }
            + (shown.others.map { [VenuePresent(id: "everyone_else", label: "Everyone else", phones: $0.voters)] }
                ?? [])
    }

    /// A round's split by venue as this edition shows it (see ``split(of:into:none:name:anotherShown:)``):
    /// withheld in the community edition when the round is shown by perspective or by place.
    func venueSplit(of round: [OptionTally], tally: Tally, countsShown: Bool, anotherShown: Bool)
        -> VenueSplitReport?
    {
        guard severalVenues else { return nil }
        guard countsShown else { return VenueSplitReport(groups: [], hidden: [], withheld: nil) }
        let shown = split(
            of: tally, into: SmallGroupSuppression.venueGroups(of: round), none: .noVenue, name: Self.venueName,
            anotherShown: anotherShown)
        return VenueSplitReport(groups: shown.groups, hidden: shown.hidden, withheld: shown.withheld)
    }
}
