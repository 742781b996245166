/// Lets the same warning through once a minute: libnats reports the same asynchronous error
/// (a missed heartbeat, no responders) every few seconds for as long as a link is cut, which
/// would bury the console's other warnings. The first of each is shown at once; the next one
/// shown says how many were held back meanwhile.
struct RepeatedWarnings {
    private var last: [String: (at: Double, held: Int)] = [:]
    /// Seconds between two showings of the same warning.
    static let interval = 60.0

    /// Whether `warning` is shown at `seconds` (any fixed origin), and how many of it were
    /// held back since it was last shown.
    mutating func admit(_ warning: String, at seconds: Double) -> (shown: Bool, held: Int) {
        guard let previous = last[warning], seconds - previous.at < Self.interval else {
            let held = last[warning]?.held ?? 0
            last[warning] = (seconds, 0)
            return (true, held)
        }
        last[warning]?.held += 1
        return (false, 0)
    }
}
