/// Who is in the room: the phones connected by perspective, and those that gave none.
/// Exact counts, small groups included: only the host sees them.
enum RoomPanel {
    /// One entry per perspective of the programme (`all`: zeros too, else only those with
    /// phones), then "No perspective given"; label and count.
    static func entries(_ view: HostView, all: Bool) -> [(label: String, count: Int)]? {
        guard let counts = view.connectedByPerspective else { return nil }
        var entries: [(label: String, count: Int)] = []
        var known = Set<String>()
        for perspective in view.perspectives {
            known.insert(perspective.id)
            let count = counts[perspective.id] ?? 0
            if all || count > 0 { entries.append((TextWidth.sanitize(perspective.label), count)) }
        }
        for id in counts.keys.sorted() where !known.contains(id) && (all || counts[id]! > 0) {
            entries.append((TextWidth.sanitize(id), counts[id]!))
        }
        let none = view.connectedWithoutPerspective ?? 0
        if all || none > 0 { entries.append(("No perspective given", none)) }
        return entries
    }

    /// A rule saying how many phones, then the groups in as many columns as fit, at most
    /// `maxHeight` lines; none when the server does not report perspectives.
    static func lines(_ view: HostView, width: Int, maxHeight: Int, glyphs: Glyphs, all: Bool = false)
        -> [StyledLine]
    {
        guard maxHeight >= 2, let entries = entries(view, all: all) else { return [] }
        let phones = "\(view.connected) phone\(view.connected == 1 ? "" : "s") connected"
        var lines = [
            PanelRule.line(
                [Span("Room", .bold), Span(" \(glyphs.dot) \(phones)", .plain)], width: width, glyphs: glyphs)
        ]
        if entries.isEmpty {
            lines.append(StyledLine(" Nobody has joined yet.", .dim))
            return lines
        }
        if let place = placeLine(view) { lines.append(place) }
        let countWidth = max(2, entries.map { "\($0.count)".count }.max() ?? 1)
        let longest = entries.map { TextWidth.of($0.label) }.max() ?? 0
        let cell = min(longest, 34) + 1 + countWidth + 2
        let columns = max(1, min(3, (width - 1) / cell))
        let rows = (entries.count + columns - 1) / columns
        let labelWidth = min(min(longest, 34), (width - 1) / columns - countWidth - 3)
        for row in 0..<rows {
            var line = StyledLine(" ")
            for column in 0..<columns {
                let index = column * rows + row
                guard index < entries.count else { continue }
                let entry = entries[index]
                line.append(TextWidth.fit(TextWidth.truncate(entry.label, to: labelWidth), to: labelWidth) + " ")
                line.append(TextWidth.right("\(entry.count)", width: countWidth), entry.count > 0 ? .bold : .dim)
                line.append("  ")
            }
            lines.append(line)
        }
        if lines.count > maxHeight {
            lines = Array(lines.prefix(maxHeight))
            lines[maxHeight - 1] = StyledLine(lines[maxHeight - 1].spans).fitted(to: width - 9)
            lines[maxHeight - 1].append("  i: all", .key)
        }
        return lines.map { $0.fitted(to: width) }
    }
}
