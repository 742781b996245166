/// Option id → count, in the decision's option order, as tallies carry them.
public struct OptionCounts: Sendable, Equatable {
    /// One option's count.
    public struct Entry: Sendable, Equatable {
        public var option: String
        public var count: Int

        public init(option: String, count: Int) {
            self.option = option
            self.count = count
        }
    }

    public var entries: [Entry]

    public init(_ entries: [Entry]) { self.entries = entries }

    /// `values` in `order` (0 where missing).
    public init(order: [String], values: [String: Int]) {
        entries = order.map { Entry(option: $0, count: values[$0, default: 0]) }
    }

    /// The count of an option (0 when the tally does not name it).
    public subscript(option: String) -> Int { entries.first { $0.option == option }?.count ?? 0 }

    /// The counts as a dictionary.
    public var dictionary: [String: Int] { Dictionary(entries.map { ($0.option, $0.count) }) { a, _ in a } }

    var json: JSONValue { .object(entries.map { ($0.option, .int($0.count)) }) }

    init(json: JSONValue?) {
        entries = (json?.members ?? []).compactMap { option, value in
            value.intValue.map { Entry(option: option, count: $0) }
        }
    }
}

/// A round's tally as states and `tally` messages carry it: the host gets every group's
/// exact counts; other roles only what ``ShownSplit`` lets the room see (``room``).
public struct TallyCounts: Sendable, Equatable {
    /// A perspective's counts.
    public struct Group: Sendable, Equatable {
        public var perspective: String
        public var counts: OptionCounts

        public init(perspective: String, counts: OptionCounts) {
            self.perspective = perspective
            self.counts = counts
        }
    }

    /// What the room sees beyond the shown groups (every role but the host).
    public struct RoomSplit: Sendable, Equatable {
        /// Groups big enough to show, counted with ``others`` instead.
        public var foldedGroups: [String]
        /// Everyone not in a shown group, counted together (nil: nobody, or no group shown).
        public var others: (voters: Int, counts: OptionCounts)?
        /// Set when people voted but no group can be shown.
        public var splitWithheld: ShownSplit.Withheld?

        public init(
            foldedGroups: [String], others: (voters: Int, counts: OptionCounts)?, splitWithheld: ShownSplit.Withheld?
        ) {
            self.foldedGroups = foldedGroups
            self.others = others
            self.splitWithheld = splitWithheld
        }

        public static func == (lhs: RoomSplit, rhs: RoomSplit) -> Bool {
            lhs.foldedGroups == rhs.foldedGroups && lhs.splitWithheld == rhs.splitWithheld
                && lhs.others?.voters == rhs.others?.voters && lhs.others?.counts == rhs.others?.counts
        }
    }

    /// The round's id (the wire's `decision`).
    public var roundID: String
    public var total: Int
    public var counts: OptionCounts
    /// The perspectives shown (the host: every one that voted), sorted by id.
    public var byPerspective: [Group]
    /// Voters who gave no perspective (nil: kept back from the room).
    public var noPerspective: OptionCounts?
    /// Groups of fewer than the threshold (always empty for the host).
    public var smallGroups: [String]
    /// The room's part (nil for the host).
    public var room: RoomSplit?
    /// *(addition)* The host's exact counts by place (nil for other roles).
    public var places: HostPlaces?
    /// *(addition)* The room's split by place, while the scene is split by place.
    public var placeSplit: PlaceSplit?

    public init(
        roundID: String, total: Int, counts: OptionCounts, byPerspective: [Group], noPerspective: OptionCounts?,
        smallGroups: [String], room: RoomSplit?, places: HostPlaces? = nil, placeSplit: PlaceSplit? = nil
    ) {
        self.roundID = roundID
        self.total = total
        self.counts = counts
        self.byPerspective = byPerspective
        self.noPerspective = noPerspective
        self.smallGroups = smallGroups
        self.room = room
        self.places = places
        self.placeSplit = placeSplit
    }

    /// A perspective's counts, if shown.
    public func counts(of perspective: String) -> OptionCounts? {
        byPerspective.first { $0.perspective == perspective }?.counts
    }

    /// The members, in protocol order.
    var members: [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [
            ("decision", .string(roundID)), ("total", .int(total)), ("counts", counts.json),
            ("by_perspective", .object(byPerspective.map { ($0.perspective, $0.counts.json) })),
            ("no_perspective", noPerspective?.json ?? .null),
            ("small_groups", .array(smallGroups.map { .string($0) })),
        ]
        if let room {
            members += [
                ("folded_groups", .array(room.foldedGroups.map { .string($0) })),
                (
                    "others",
                    room.others.map { .object([("voters", .int($0.voters)), ("counts", $0.counts.json)]) } ?? .null
                ),
                ("split_withheld", .string(room.splitWithheld?.rawValue)),
            ]
        }
        return members + placeMembers
    }

    /// The wire form of a tally inside a state.
    public var json: JSONValue { .object(members) }

    /// Reads a tally; nil for `null` or anything without a round.
    public init?(json: JSONValue?) {
        guard let json, let roundID = json["decision"]?.stringValue else { return nil }
        self.roundID = roundID
        total = json["total"]?.intValue ?? 0
        counts = OptionCounts(json: json["counts"])
        byPerspective = (json["by_perspective"]?.members ?? []).map {
            Group(perspective: $0.0, counts: OptionCounts(json: $0.1))
        }
        noPerspective = json["no_perspective"].flatMap { $0 == .null ? nil : OptionCounts(json: $0) }
        smallGroups = json["small_groups"]?.strings ?? []
        if json["folded_groups"] != nil || json["split_withheld"] != nil {
            let others = json["others"].flatMap { others in
                others["voters"]?.intValue.map { (voters: $0, counts: OptionCounts(json: others["counts"])) }
            }
            room = RoomSplit(
                foldedGroups: json["folded_groups"]?.strings ?? [], others: others,
                splitWithheld: json["split_withheld"]?.stringValue.flatMap(ShownSplit.Withheld.init(rawValue:)))
        } else {
            room = nil
        }
        places = Self.hostPlaces(json: json)
        placeSplit = PlaceSplit(json: json["place_split"])
    }
}

/// `tally`, the rate-limited live count: the tally, and for screens and hosts the audience
/// count, for the host also the store's health.
public struct TallyMessage: ServerMessageBody {
    public static let type = ServerMessageType.tally

    public var tally: TallyCounts
    public var audience: AudienceCount?
    public var store: StoreHealth?

    public init(tally: TallyCounts, audience: AudienceCount?, store: StoreHealth?) {
        self.tally = tally
        self.audience = audience
        self.store = store
    }

    public var json: JSONValue {
        var members: [(String, JSONValue)] = [("type", .string(Self.type.rawValue))] + tally.members
        if let audience { members.append(("audience", audience.json)) }
        if let store { members.append(("store", store.json)) }
        return .object(members)
    }

    public init?(json: JSONValue) {
        guard Self.isOwnType(json), let tally = TallyCounts(json: json) else { return nil }
        self.tally = tally
        audience = AudienceCount(json: json["audience"])
        store = StoreHealth(json: json["store"])
    }
}

extension AudienceCount {
    /// Reads an `audience` member; nil when absent or not an object.
    public init?(json: JSONValue?) {
        guard let json, json.members != nil else { return nil }
        self.init(
            connected: json["connected"]?.intValue ?? 0, voted: json["voted"]?.intValue ?? 0,
            byPerspective: json["by_perspective"]?.intMap, noPerspective: json["no_perspective"]?.intValue)
        byPlace = json["by_place"]?.intMap
        noPlace = json["no_place"]?.intValue
    }
}

extension StoreHealth {
    /// Reads a `store` member; nil when absent or not an object.
    public init?(json: JSONValue?) {
        guard let json, json.members != nil else { return nil }
        self.init(pending: json["pending"]?.intValue ?? 0, failed: json["failed"]?.intValue ?? 0)
    }
}
