import ForumCore
import Foundation

/// The venues of a show shared between venues *(addition)*, as the latest host `state` gave
/// them (`venues`), and when it came: a venue not heard from keeps ageing between states.
/// Nil on the console of a single-machine show.
public struct ConsoleVenues: Sendable, Equatable {
    /// Each venue, in the server's (name) order.
    public var venues: [VenueStatus]
    /// When the state carrying them arrived.
    public var at: Date

    /// The venues of a state; nil when it has none (a single-machine show).
    public init?(_ venues: [VenueStatus]?, at: Date) {
        guard let venues, !venues.isEmpty else { return nil }
        self.venues = venues
        self.at = at
    }

    /// How many venues are linked (heard from lately).
    public var linked: Int { venues.filter(\.connected).count }

    /// The phones of every venue together.
    public var phones: Int { venues.reduce(0) { $0 + $1.phones } }

    /// The votes of every venue together.
    public var votes: Int { venues.reduce(0) { $0 + $1.votes } }

    /// The votes every venue still has to send the hub.
    public var behind: Int { venues.reduce(0) { $0 + $1.behind } }

    /// Whole seconds since `venue` was last heard from, at `now`.
    public func silentSeconds(_ venue: VenueStatus, now: Date) -> Int {
        let since = max(0, now.timeIntervalSince(at))
        return (venue.heardMsAgo + Int(since * 1000)) / 1000
    }

    /// The link in words: `linked`, or `not heard for 12 s` (`… for 3 min` from two minutes).
    public func link(_ venue: VenueStatus, now: Date) -> String {
        if venue.connected { return "linked" }
        let seconds = silentSeconds(venue, now: now)
        return seconds < 120 ? "not heard for \(seconds) s" : "not heard for \(seconds / 60) min"
    }

    /// The votes left to send in words: `37 votes to send`, `1 vote to send`.
    public static func toSend(_ behind: Int) -> String {
        "\(behind) vote\(behind == 1 ? "" : "s") to send"
    }

    /// A venue's name made safe for the terminal and cut to `width` columns.
    public static func name(_ venue: VenueStatus, width: Int) -> String {
        let clean = TextWidth.sanitize(venue.name).trimmingCharacters(in: .whitespaces)
        return TextWidth.truncate(clean.isEmpty ? "?" : clean, to: width)
    }
}
