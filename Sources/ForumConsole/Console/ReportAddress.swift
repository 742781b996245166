/// Where the live report is: the `/report` page of the server a phone joins (or a host
/// connects to), which asks for the host key in the browser. `:report` shows it.
enum ReportAddress {
    /// The report page's address for a join address (`http://10.0.0.5:8080/`: `report`
    /// added) or a host WebSocket address (`ws://10.0.0.5:8080/ws`: `ws` becomes `report`,
    /// `ws:`/`wss:` become `http:`/`https:`).
    static func url(for address: String) -> String {
        var text = address
        for (from, to) in [("wss://", "https://"), ("ws://", "http://")] where text.hasPrefix(from) {
            text = to + text.dropFirst(from.count)
            if text.hasSuffix("/ws") { text.removeLast(2) }
        }
        return (text.hasSuffix("/") ? text : text + "/") + "report"
    }

    /// The line the console shows: the first address, the others after it.
    static func line(joinURLs: [String]) -> String {
        guard let first = joinURLs.first else { return "Live report: open /report on the show's address in a browser" }
        let others = joinURLs.dropFirst().map(url(for:))
        return "Live report: open \(url(for: first)) in a browser (it asks for the host key)"
            + (others.isEmpty ? "" : "; also " + others.joined(separator: ", "))
    }
}
