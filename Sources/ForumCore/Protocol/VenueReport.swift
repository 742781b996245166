/// *(addition)* What each venue of a shared show tells the others four times a second: its
/// counts for the round it is on (counts only, no voter), its phones and votes, and how far
/// its votes are behind the hub. A snapshot: the latest one replaces the one before.
public struct VenueReport: Sendable, Equatable {
    public var venue: String
    /// The round counted (nil: no round on this venue's stage).
    public var round: String?
    public var counts: RoundCounts
    public var phones: Int
    /// Votes stored at the venue today.
    public var votes: Int
    /// Votes stored at the venue that the hub has not confirmed.
    public var behind: Int
    /// The scene visit the venue is on, and how many there want to step in (Stop!).
    public var visit: Int
    public var stops: Int

    /// A report.
    public init(
        venue: String, round: String?, counts: RoundCounts, phones: Int, votes: Int, behind: Int, visit: Int = 0,
        stops: Int = 0
    ) {
        self.venue = venue
        self.round = round
        self.counts = counts
        self.phones = phones
        self.votes = votes
        self.behind = behind
        self.visit = visit
        self.stops = stops
    }

    /// The report as compact JSON.
    public var bytes: [UInt8] {
        func map(_ counts: [String: Int]) -> JSONValue {
            .object(counts.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })
        }
        return JSONValue.object([
            ("venue", .string(venue)), ("round", .string(round)), ("counts", map(counts.counts)),
            (
                "by_perspective",
                .object(counts.byPerspective.sorted { $0.key < $1.key }.map { ($0.key, map($0.value)) })
            ),
            ("no_perspective", map(counts.noPerspective)),
            ("by_place", .object(counts.byPlace.sorted { $0.key < $1.key }.map { ($0.key.rawValue, map($0.value)) })),
            ("no_place", map(counts.noPlace)), ("phones", .int(phones)), ("votes", .int(votes)),
            ("behind", .int(behind)), ("visit", .int(visit)), ("stops", .int(stops)),
        ]).bytes
    }

    /// Reads a report; nil for anything that is not one (a venue's report is checked like any
    /// other input: counts are non-negative whole numbers).
    public init?(bytes: some Collection<UInt8>) {
        guard let json = JSONParser.parse(bytes), let venue = json["venue"]?.stringValue, !venue.isEmpty else {
            return nil
        }
        func counts(_ value: JSONValue?) -> [String: Int]? {
            guard let members = value?.members else { return value == nil ? [:] : nil }
            var out: [String: Int] = [:]
            for (key, count) in members {
                guard let count = count.intValue, count >= 0 else { return nil }
                out[key] = count
            }
            return out
        }
        func groups(_ value: JSONValue?) -> [String: [String: Int]]? {
            guard let members = value?.members else { return value == nil ? [:] : nil }
            var out: [String: [String: Int]] = [:]
            for (key, inner) in members {
                guard let inner = counts(inner) else { return nil }
                out[key] = inner
            }
            return out
        }
        guard let overall = counts(json["counts"]), let byPerspective = groups(json["by_perspective"]),
            let noPerspective = counts(json["no_perspective"]), let byPlaceName = groups(json["by_place"]),
            let noPlace = counts(json["no_place"])
        else { return nil }
        var byPlace: [Place: [String: Int]] = [:]
        for (name, inner) in byPlaceName {
            guard let place = Place(rawValue: name) else { return nil }
            byPlace[place] = inner
        }
        let number = { (key: String) in max(0, json[key]?.intValue ?? 0) }
        self.init(
            venue: venue, round: json["round"]?.stringValue,
            counts: RoundCounts(
                counts: overall, byPerspective: byPerspective, noPerspective: noPerspective, byPlace: byPlace,
                noPlace: noPlace),
            phones: number("phones"), votes: number("votes"), behind: number("behind"), visit: number("visit"),
            stops: number("stops"))
    }
}
