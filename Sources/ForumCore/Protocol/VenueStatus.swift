import Foundation

/// *(addition)* One venue of a show shared between venues (`forum serve --nats`), as the host
/// and the moderators see it in their `state` (`venues`). Counts only: a venue's phones and
/// votes, never how anyone voted there.
public struct VenueStatus: Sendable, Equatable {
    /// The venue's name (`--venue`).
    public var name: String
    /// Phones connected there now (as last reported).
    public var phones: Int
    /// Votes stored there, every round of the day.
    public var votes: Int
    /// Votes stored there that the hub has not confirmed yet (0: caught up).
    public var behind: Int
    /// Whether the venue has been heard from lately (its reports come 4 times a second).
    public var connected: Bool
    /// Milliseconds since the venue was last heard from (0 for the venue this host is at).
    public var heardMsAgo: Int
    /// True for the venue this host's console is connected to.
    public var here: Bool

    /// A venue's line.
    public init(
        name: String, phones: Int, votes: Int, behind: Int, connected: Bool, heardMsAgo: Int, here: Bool
    ) {
        self.name = name
        self.phones = phones
        self.votes = votes
        self.behind = behind
        self.connected = connected
        self.heardMsAgo = heardMsAgo
        self.here = here
    }

    var json: JSONValue {
        .object([
            ("name", .string(name)), ("phones", .int(phones)), ("votes", .int(votes)), ("behind", .int(behind)),
            ("connected", .bool(connected)), ("heard_ms_ago", .int(heardMsAgo)), ("here", .bool(here)),
        ])
    }

    init?(json: JSONValue) {
        guard let name = json["name"]?.stringValue else { return nil }
        self.init(
            name: name, phones: json["phones"]?.intValue ?? 0, votes: json["votes"]?.intValue ?? 0,
            behind: json["behind"]?.intValue ?? 0, connected: json["connected"]?.boolValue ?? false,
            heardMsAgo: json["heard_ms_ago"]?.intValue ?? 0, here: json["here"]?.boolValue ?? false)
    }
}
