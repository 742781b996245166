import ForumCore

/// The split table's rows when the round is split by place *(addition)*: everyone, in the
/// room, following remotely, and those who did not say.
extension SplitTable {
    static func placeRows(_ view: HostView) -> [Row] {
        let options = view.options.map(\.id)
        var rows = [Row(label: "Everyone", counts: view.options.map(\.count))]
        let groups: [(String, [String: Int], VoterGroup)] = [
            ("In the room", view.place.byPlace["room"] ?? [:], .place(.room)),
            ("Following remotely", view.place.byPlace["remote"] ?? [:], .place(.remote)),
            ("Did not say", view.place.noPlace, .noPlace),
        ]
        for (label, counts, group) in groups {
            let row = Row(label: label, counts: options.map { counts[$0, default: 0] }, group: group)
            if row.total > 0 { rows.append(row) }
        }
        return rows
    }
}

extension RoomPanel {
    /// One line of phones by place, exact (only the host sees it), once anybody has said
    /// where they take part from; nil before.
    static func placeLine(_ view: HostView) -> StyledLine? {
        guard let counts = view.place.connectedByPlace else { return nil }
        let room = counts["room"] ?? 0
        let remote = counts["remote"] ?? 0
        guard room + remote > 0 else { return nil }
        var line = StyledLine(" ")
        for (label, count) in [
            ("In the room", room), ("Following remotely", remote),
            ("Did not say", view.place.connectedWithoutPlace ?? 0),
        ] {
            line.append(label + " ")
            line.append("\(count)", count > 0 ? .bold : .dim)
            line.append("  ")
        }
        return line
    }
}
