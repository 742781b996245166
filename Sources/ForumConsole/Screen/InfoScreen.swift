/// The `i` screen: what the host needs to tell people or to connect from elsewhere — the
/// phones' join addresses, the projector page, the host key, the `forum host` line — and
/// who is in the room by perspective.
enum InfoScreen {
    static func lines(_ state: ConsoleState, width: Int, height: Int, glyphs: Glyphs) -> [StyledLine] {
        let view = state.view
        var lines = [PanelRule.line([Span("Addresses and the room", .bold)], width: width, glyphs: glyphs)]
        func field(_ label: String, _ values: [String], tone: Tone = .bold) {
            let pad = TextWidth.fit(label, to: 16)
            if values.isEmpty {
                lines.append(StyledLine([Span(" " + pad, .dim), Span(" not known yet", .dim)]))
            }
            for (index, value) in values.enumerated() {
                lines.append(
                    StyledLine([
                        Span(" " + (index == 0 ? pad : TextWidth.fit("", to: 16)), .dim), Span(" " + value, tone),
                    ]))
            }
        }
        let bases = view.joinURLs
        field("Phones join at", bases)
        if let remote = view.place.remoteJoinURL { field("Remote people", [remote]) }
        field("Projector", bases.map { $0 + (($0.hasSuffix("/")) ? "" : "/") + "screen" })
        field("Host key", state.hostKey.isEmpty ? [] : [state.hostKey])
        let key = state.hostKey.isEmpty ? "KEY" : state.hostKey
        let socket = remoteAddress(bases.first, fallback: state.address)
        field("Another machine", ["forum host \(socket) --key \(key)"], tone: .plain)
        lines.append(StyledLine(" Keep the key to the host: anyone with it can run the show.", .dim))
        lines.append("")
        let room = RoomPanel.lines(
            view, width: width, maxHeight: max(0, height - lines.count), glyphs: glyphs, all: true)
        if room.isEmpty {
            lines.append(StyledLine(" \(view.connected) phone\(view.connected == 1 ? "" : "s") connected.", .plain))
        } else {
            lines += room
        }
        return Array(lines.prefix(height)).map { $0.fitted(to: width) }
    }

    /// The WebSocket address for `forum host`, from a join address (`http://A:P/` →
    /// `ws://A:P/ws`); the console's own address when there is none.
    static func remoteAddress(_ joinURL: String?, fallback: String) -> String {
        guard let joinURL else { return fallback }
        var base = joinURL
        if base.hasPrefix("https://") {
            base = "wss://" + base.dropFirst("https://".count)
        } else if base.hasPrefix("http://") {
            base = "ws://" + base.dropFirst("http://".count)
        }
        return base + (base.hasSuffix("/") ? "" : "/") + "ws"
    }
}
