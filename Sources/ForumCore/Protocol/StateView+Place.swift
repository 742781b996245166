/// The place *(addition)* in `tally` and audience counts: the host's exact counts by place,
/// and for every other role the split by place ``ShownSplit`` lets the room see, sent only
/// while the scene's split is by place (then nothing by perspective is sent).
extension StateView {
    /// The host's exact counts by place: `by_place` (room and remote, zeros included) and
    /// `no_place` (devices that did not say).
    static func hostPlaces(_ tally: Tally) -> TallyCounts.HostPlaces {
        TallyCounts.HostPlaces(
            byPlace: Place.allCases.map {
                TallyCounts.PlaceGroup(place: $0, counts: counts(tally.byPlace[$0] ?? [:], in: tally))
            },
            noPlace: counts(tally.noPlace, in: tally))
    }

    /// The room's tally split by place: the perspective fields empty (one split per round)
    /// and `place_split` with the groups that may be seen.
    static func roomPlaceTally(_ tally: Tally) -> TallyCounts {
        let split = ShownSplit(of: tally, by: .place, threshold: Show.smallGroupThreshold)
        func names(_ groups: [VoterGroup]) -> [Place] { groups.compactMap(\.place) }
        let placeSplit = TallyCounts.PlaceSplit(
            byPlace: split.shown.keys.compactMap(\.place).sorted().map {
                TallyCounts.PlaceGroup(place: $0, counts: counts(split.shown[.place($0)]!, in: tally))
            },
            noPlace: split.hides(.noPlace) ? nil : counts(tally.noPlace, in: tally),
            smallGroups: names(split.small), foldedGroups: names(split.folded),
            others: split.others.map { ($0.voters, counts($0.counts, in: tally)) }, splitWithheld: split.withheld)
        return TallyCounts(
            roundID: tally.roundID, total: tally.total, counts: counts(tally.counts, in: tally), byPerspective: [],
            noPerspective: nil, smallGroups: [],
            room: TallyCounts.RoomSplit(foldedGroups: [], others: nil, splitWithheld: nil), placeSplit: placeSplit)
    }

    private static func counts(_ values: [String: Int], in tally: Tally) -> OptionCounts {
        OptionCounts(order: tally.optionOrder, values: values)
    }
}

extension AudienceCount {
    /// Host only *(addition)*: phones connected by place (room, remote; 0 included) and
    /// those that did not say, from the same tokens as ``forHost(connected:voted:devices:in:)``.
    public static func placeCounts(devices: [String], in show: Show) -> (byPlace: [String: Int], noPlace: Int) {
        var counts = Dictionary(uniqueKeysWithValues: Place.allCases.map { ($0.rawValue, 0) })
        var none = 0
        for device in devices {
            if let place = show.place(of: device) { counts[place.rawValue, default: 0] += 1 } else { none += 1 }
        }
        return (counts, none)
    }
}
