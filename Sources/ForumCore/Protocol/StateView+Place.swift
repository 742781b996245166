/// The place *(addition)* in `tally` and audience counts: the host's exact counts by place,
/// and for every other role the split by place ``ShownSplit`` lets the room see, sent only
/// while the scene's split is by place (then nothing by perspective is sent).
extension StateView {
    /// The host's exact counts by place: `by_place` (room and remote, zeros included) and
    /// `no_place` (devices that did not say).
    static func hostPlaceMembers(_ tally: Tally) -> [(String, JSONValue)] {
        [
            ("by_place", .object(Place.allCases.map { ($0.rawValue, counts(tally.byPlace[$0] ?? [:], in: tally)) })),
            ("no_place", counts(tally.noPlace, in: tally)),
        ]
    }

    /// The room's members of a tally split by place: the perspective fields empty (one split
    /// per round) and `place_split` with the groups that may be seen.
    static func roomPlaceMembers(_ tally: Tally) -> [(String, JSONValue)] {
        let split = ShownSplit(of: tally, by: .place, threshold: Show.smallGroupThreshold)
        func names(_ groups: [VoterGroup]) -> JSONValue {
            .array(groups.compactMap(\.place).map { .string($0.rawValue) })
        }
        let shown = split.shown.keys.compactMap(\.place).sorted()
        let place: JSONValue = .object([
            ("by_place", .object(shown.map { ($0.rawValue, counts(split.shown[.place($0)]!, in: tally)) })),
            ("no_place", split.hides(.noPlace) ? .null : counts(tally.noPlace, in: tally)),
            ("small_groups", names(split.small)), ("folded_groups", names(split.folded)),
            (
                "others",
                split.others.map { .object([("voters", .int($0.voters)), ("counts", counts($0.counts, in: tally))]) }
                    ?? .null
            ),
            ("split_withheld", .string(split.withheld?.rawValue)),
        ])
        return [
            ("by_perspective", .object([])), ("no_perspective", .null), ("small_groups", .array([])),
            ("folded_groups", .array([])), ("others", .null), ("split_withheld", .null), ("place_split", place),
        ]
    }

    private static func counts(_ values: [String: Int], in tally: Tally) -> JSONValue {
        .object(tally.optionOrder.map { ($0, .int(values[$0, default: 0])) })
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
