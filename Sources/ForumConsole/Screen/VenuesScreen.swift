import Foundation

/// The `V` screen *(addition)*: one row per venue of a shared show — its name (the venue this
/// console is connected to marked `(here)`), phones, votes, link and the votes it still has to
/// send the hub — then the totals. Names are community text: sanitized and cut to fit.
enum VenuesScreen {
    static let phonesWidth = 6
    static let votesWidth = 7
    static let linkWidth = 20
    static let sendWidth = 7

    static func lines(_ state: ConsoleState, width: Int, height: Int, now: Date, glyphs: Glyphs)
        -> [StyledLine]
    {
        guard let venues = state.venues else { return [] }
        let all = venues.venues
        let phones = "\(venues.phones) phone\(venues.phones == 1 ? "" : "s")"
        var lines = [
            PanelRule.line(
                [
                    Span("Venues", .bold),
                    Span(" \(glyphs.dot) \(venues.linked) of \(all.count) linked \(glyphs.dot) \(phones)"),
                ],
                width: width, glyphs: glyphs)
        ]
        let nameWidth = max(8, min(40, width - 2 - (phonesWidth + votesWidth + linkWidth + sendWidth + 8)))
        lines.append(
            row(
                [
                    Span("Venue"), Span(TextWidth.right("Phones", width: phonesWidth)),
                    Span(TextWidth.right("Votes", width: votesWidth)), Span("Link"),
                    Span(TextWidth.right("To send", width: sendWidth)),
                ], nameWidth: nameWidth, tone: .dim))
        let notes = TextWrap.lines(
            "Link: each venue reports 4 times a second. To send: votes stored there that the hub has not "
                + "confirmed yet.", width: width - 2
        ).map { StyledLine(" " + $0, .dim) }
        // The header, the totals and the notes stay; rows that do not fit give way to a count.
        let room = max(1, height - lines.count - 1 - notes.count - 1)
        let shown = all.count <= room ? all : Array(all.prefix(max(0, room - 1)))
        for venue in shown {
            let here = venue.here ? " (here)" : ""
            let name = ConsoleVenues.name(venue, width: nameWidth - TextWidth.of(here)) + here
            lines.append(
                row(
                    [
                        Span(name, venue.here ? .bold : .plain),
                        Span(TextWidth.right("\(venue.phones)", width: phonesWidth)),
                        Span(TextWidth.right("\(venue.votes)", width: votesWidth)),
                        Span(venues.link(venue, now: now), venue.connected ? .good : .alert),
                        Span(TextWidth.right("\(venue.behind)", width: sendWidth), venue.behind > 0 ? .caution : .dim),
                    ], nameWidth: nameWidth))
        }
        if shown.count < all.count {
            lines.append(StyledLine(" … and \(all.count - shown.count) more venues", .dim))
        }
        lines.append(
            row(
                [
                    Span("All \(all.count) venues"), Span(TextWidth.right("\(venues.phones)", width: phonesWidth)),
                    Span(TextWidth.right("\(venues.votes)", width: votesWidth)),
                    Span("\(venues.linked) of \(all.count) linked"),
                    Span(TextWidth.right("\(venues.behind)", width: sendWidth)),
                ], nameWidth: nameWidth, tone: .bold))
        lines.append("")
        lines += notes
        return Array(lines.prefix(height)).map { $0.fitted(to: width) }
    }

    /// One row: name, phones, votes, link, to send, each in its column (`tone` for every cell
    /// when given).
    private static func row(_ cells: [Span], nameWidth: Int, tone: Tone? = nil) -> StyledLine {
        let widths = [nameWidth, phonesWidth, votesWidth, linkWidth, sendWidth]
        var line = StyledLine(" ")
        for (index, cell) in cells.enumerated() {
            if index > 0 { line.append("  ") }
            line.append(TextWidth.fit(cell.text, to: widths[index]), tone ?? cell.tone)
        }
        return line
    }
}
