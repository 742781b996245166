import ForumCore

/// The round's votes split by perspective: a row per group that voted, a column per option
/// (a small bar, the count and the share of that group). The host sees every group; the rows
/// the room cannot see are marked (``RoomView``) and a last line says what the room sees.
enum SplitTable {
    struct Row {
        var label: String
        var counts: [Int]
        /// The voter group of the row; nil for everyone.
        var group: VoterGroup?
        var total: Int { counts.reduce(0, +) }
    }

    static func rows(_ view: HostView) -> [Row] {
        if view.place.splitByPlace { return placeRows(view) }
        let options = view.options.map(\.id)
        func row(_ label: String, _ counts: [String: Int]) -> Row {
            Row(label: label, counts: options.map { counts[$0, default: 0] })
        }
        var rows = [Row(label: "Everyone", counts: view.options.map(\.count))]
        let known = view.perspectives.map(\.id)
        let ids =
            known.filter { view.breakdown.byPerspective[$0] != nil }
            + view.breakdown.byPerspective.keys.filter { !known.contains($0) }.sorted()
        for id in ids {
            let label = view.perspectives.first { $0.id == id }?.label ?? id
            var group = row(label, view.breakdown.byPerspective[id] ?? [:])
            group.group = .perspective(id)
            if group.total > 0 { rows.append(group) }
        }
        var none = row("No perspective given", view.breakdown.noPerspective)
        none.group = .noPerspective
        if none.total > 0 { rows.append(none) }
        return rows
    }

    static func lines(_ view: HostView, width: Int, maxHeight: Int, glyphs: Glyphs) -> [StyledLine] {
        guard maxHeight > 0 else { return [] }
        let options = view.options
        let rows = rows(view)
        let labelWidth = min(30, max(12, width * 3 / 10))
        let cell = options.isEmpty ? 0 : (width - labelWidth - 6) / options.count
        var header = StyledLine(TextWidth.fit("", to: labelWidth + 6))
        for (index, option) in options.enumerated() {
            header.append(TextWidth.fit(" \(index + 1) " + TextWidth.sanitize(option.label), to: cell), .dim)
        }
        var lines = [header]
        let room = RoomView(view)
        for (index, row) in rows.enumerated() {
            if lines.count == maxHeight - 1, index < rows.count - 1 {
                lines.append(StyledLine(" … \(rows.count - index) more groups (a taller terminal shows them)", .dim))
                break
            }
            var line = StyledLine()
            line.append(" " + TextWidth.fit(row.label, to: labelWidth - 4), index == 0 ? .bold : .plain)
            line.append(row.group.map(room.mark) ?? "   ", .bold)
            line.append(TextWidth.right("\(row.total)", width: 6), .bold)
            for count in row.counts {
                line.append(self.cell(count: count, of: row.total, width: cell, glyphs: glyphs))
            }
            lines.append(line)
        }
        if lines.count < maxHeight {
            lines.append(StyledLine(TextWidth.fit(room.summary, to: width), .dim))
        }
        return Array(lines.prefix(maxHeight))
    }

    /// One option's share of a group: ` ████░░  12  38%`, or just the count when narrow.
    private static func cell(count: Int, of total: Int, width: Int, glyphs: Glyphs) -> StyledLine {
        let share = total > 0 ? Double(count) / Double(total) : 0
        let numbers =
            TextWidth.right("\(count)", width: 4) + TextWidth.right("\(Int((share * 100).rounded()))%", width: 5)
        let barWidth = width - 10 - 1
        guard barWidth >= 3 else { return StyledLine(TextWidth.fit(TextWidth.right("\(count)", width: 4), to: width)) }
        return StyledLine([Span(" " + glyphs.bar(share, width: barWidth)), Span(numbers + " ")])
    }
}
