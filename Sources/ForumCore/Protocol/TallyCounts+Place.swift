/// The place *(addition)* in a tally (docs/protocol.md, "The split by place"): the host's
/// exact counts by place, and for every other role the split by place ``ShownSplit`` lets the
/// room see, sent only while the scene's split is by place.
extension TallyCounts {
    /// A place's counts.
    public struct PlaceGroup: Sendable, Equatable {
        public var place: Place
        public var counts: OptionCounts

        public init(place: Place, counts: OptionCounts) {
            self.place = place
            self.counts = counts
        }
    }

    /// The host's exact counts: `by_place` (every place, zeros included) and `no_place`
    /// (devices that did not say).
    public struct HostPlaces: Sendable, Equatable {
        public var byPlace: [PlaceGroup]
        public var noPlace: OptionCounts

        public init(byPlace: [PlaceGroup], noPlace: OptionCounts) {
            self.byPlace = byPlace
            self.noPlace = noPlace
        }
    }

    /// The room's `place_split`: the places that may be seen, by the same rule as the split
    /// by perspective.
    public struct PlaceSplit: Sendable, Equatable {
        public var byPlace: [PlaceGroup]
        /// Devices that did not say (nil: kept back).
        public var noPlace: OptionCounts?
        public var smallGroups: [Place]
        public var foldedGroups: [Place]
        /// Everyone not in a shown group, counted together.
        public var others: (voters: Int, counts: OptionCounts)?
        public var splitWithheld: ShownSplit.Withheld?

        public init(
            byPlace: [PlaceGroup], noPlace: OptionCounts?, smallGroups: [Place], foldedGroups: [Place],
            others: (voters: Int, counts: OptionCounts)?, splitWithheld: ShownSplit.Withheld?
        ) {
            self.byPlace = byPlace
            self.noPlace = noPlace
            self.smallGroups = smallGroups
            self.foldedGroups = foldedGroups
            self.others = others
            self.splitWithheld = splitWithheld
        }

        public static func == (lhs: PlaceSplit, rhs: PlaceSplit) -> Bool {
            lhs.byPlace == rhs.byPlace && lhs.noPlace == rhs.noPlace && lhs.smallGroups == rhs.smallGroups
                && lhs.foldedGroups == rhs.foldedGroups && lhs.splitWithheld == rhs.splitWithheld
                && lhs.others?.voters == rhs.others?.voters && lhs.others?.counts == rhs.others?.counts
        }

        var json: JSONValue {
            func names(_ places: [Place]) -> JSONValue { .array(places.map { .string($0.rawValue) }) }
            return .object([
                ("by_place", PlaceGroup.json(byPlace)), ("no_place", noPlace?.json ?? .null),
                ("small_groups", names(smallGroups)), ("folded_groups", names(foldedGroups)),
                (
                    "others",
                    others.map { .object([("voters", .int($0.voters)), ("counts", $0.counts.json)]) } ?? .null
                ),
                ("split_withheld", .string(splitWithheld?.rawValue)),
            ])
        }

        init?(json: JSONValue?) {
            guard let json, json.members != nil else { return nil }
            func places(_ value: JSONValue?) -> [Place] { (value?.strings ?? []).compactMap(Place.init(rawValue:)) }
            byPlace = PlaceGroup.groups(json["by_place"])
            noPlace = json["no_place"].flatMap { $0 == .null ? nil : OptionCounts(json: $0) }
            smallGroups = places(json["small_groups"])
            foldedGroups = places(json["folded_groups"])
            others = json["others"].flatMap { others in
                others["voters"]?.intValue.map { (voters: $0, counts: OptionCounts(json: others["counts"])) }
            }
            splitWithheld = json["split_withheld"]?.stringValue.flatMap(ShownSplit.Withheld.init(rawValue:))
        }
    }

    /// The place members after the perspective ones: the host's `by_place` and `no_place`,
    /// or the room's `place_split`.
    var placeMembers: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = []
        if let places { members += [("by_place", PlaceGroup.json(places.byPlace)), ("no_place", places.noPlace.json)] }
        if let placeSplit { members.append(("place_split", placeSplit.json)) }
        return members
    }

    /// Reads the host's place members, when there.
    static func hostPlaces(json: JSONValue) -> HostPlaces? {
        guard json["by_place"] != nil || json["no_place"] != nil else { return nil }
        return HostPlaces(byPlace: PlaceGroup.groups(json["by_place"]), noPlace: OptionCounts(json: json["no_place"]))
    }
}

extension TallyCounts.PlaceGroup {
    static func json(_ groups: [Self]) -> JSONValue { .object(groups.map { ($0.place.rawValue, $0.counts.json) }) }

    static func groups(_ json: JSONValue?) -> [Self] {
        (json?.members ?? []).compactMap { name, counts in
            Place(rawValue: name).map { Self(place: $0, counts: OptionCounts(json: counts)) }
        }
    }
}
