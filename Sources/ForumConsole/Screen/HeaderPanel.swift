import Foundation

/// The two header lines: the event, phones and clock on a bar; then session, story, run and
/// the connection.
enum HeaderPanel {
    static func lines(_ state: ConsoleState, width: Int, now: Date, glyphs: Glyphs) -> [StyledLine] {
        let view = state.view
        let right = " \(view.connected) phone\(view.connected == 1 ? "" : "s")  \(clock(now)) "
        let title = view.eventTitle.isEmpty ? "Forum" : "Forum \(glyphs.dot) \(TextWidth.sanitize(view.eventTitle))"
        let left = " " + TextWidth.truncate(title, to: max(1, width - TextWidth.of(right) - 2))
        let gap = max(0, width - TextWidth.of(left) - TextWidth.of(right))
        let first = StyledLine([Span(left + String(repeating: " ", count: gap), .bar), Span(right, .bar)])
            .fitted(to: width, fill: .bar)

        var second = StyledLine()
        func field(_ label: String, _ value: String?) {
            guard let value else { return }
            if !second.spans.isEmpty { second.append("  ") }
            second.append(" \(label) ", .dim)
            second.append(TextWidth.sanitize(value), .bold)
        }
        field("Session", view.sessionTitle ?? "none")
        field("Story", view.storyTitle ?? "none")
        field("Run", view.run)
        let status: StyledLine =
            switch state.link {
            case .connected: StyledLine([Span(glyphs.live + " live", .good)])
            case .connecting: StyledLine("… connecting", .dim)
            case .lost: StyledLine([Span(glyphs.offline + " offline", .alert)])
            case .refused: StyledLine([Span("refused", .alert)])
            }
        let room = width - status.width - 2
        var line = second.fitted(to: max(0, room))
        line.append("  ")
        line.append(status)
        return [first, line.fitted(to: width)]
    }

    /// The local time as `HH:MM:SS`.
    static func clock(_ date: Date) -> String {
        let parts = Calendar.current.dateComponents([.hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { (value ?? 0) < 10 ? "0\(value ?? 0)" : "\(value ?? 0)" }
        return "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
    }
}
