import Foundation

/// The line under the header on a show shared between venues *(addition)*: how many venues
/// are linked and their phones, then each venue not heard from and each with votes still to
/// send (`north not heard for 12 s · east 37 votes to send`). Nothing on a single-machine show.
enum VenuesLine {
    /// The columns a venue's name may take on this line.
    static let nameWidth = 16

    static func lines(_ state: ConsoleState, width: Int, now: Date) -> [StyledLine] {
        guard let venues = state.venues else { return [] }
        let tone: Tone = venues.linked < venues.venues.count ? .alert : (venues.behind > 0 ? .caution : .plain)
        let hint = StyledLine("  V: venues", tone == .plain ? .dim : tone)
        let room = max(0, width - hint.width)
        // The short words when the long ones do not fit: the counts matter more than the words.
        var text = " " + parts(venues, now: now, short: false).joined(separator: " · ")
        if TextWidth.of(text) > room { text = " " + parts(venues, now: now, short: true).joined(separator: " · ") }
        var line = StyledLine(text, tone).fitted(to: room, fill: tone)
        line.append(hint)
        return [line.fitted(to: width, fill: tone)]
    }

    /// The counts, then each venue not heard from (first: their votes are not reaching the
    /// others at all) and each with votes to send; `short`: `silent 12 s`, `37 to send`.
    private static func parts(_ venues: ConsoleVenues, now: Date, short: Bool) -> [String] {
        let all = venues.venues
        let phones = venues.phones
        var parts = ["Venues \(venues.linked)/\(all.count) linked", "\(phones) phone\(phones == 1 ? "" : "s")"]
        for venue in all.filter({ !$0.connected }) + all.filter({ $0.connected && $0.behind > 0 }) {
            var says: [String] = []
            if !venue.connected {
                says.append(short ? "silent \(venues.silentSeconds(venue, now: now)) s" : venues.link(venue, now: now))
            }
            if venue.behind > 0 { says.append(short ? "\(venue.behind) to send" : ConsoleVenues.toSend(venue.behind)) }
            parts.append(ConsoleVenues.name(venue, width: nameWidth) + " " + says.joined(separator: ", "))
        }
        return parts
    }
}
