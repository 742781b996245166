import Foundation

/// Full-width lines for trouble, under the header: the lost connection, the database
/// falling behind or failing, a warning the server logged.
enum TroubleBanner {
    /// Records waiting for the database above which the console warns.
    static let pendingWarning = 50
    /// How long a server warning stays up.
    static let warningSeconds: TimeInterval = 60

    static func lines(_ state: ConsoleState, width: Int, now: Date) -> [StyledLine] {
        var lines: [StyledLine] = []
        func banner(_ text: String, _ tone: Tone) {
            lines.append(StyledLine(" " + text, tone).fitted(to: width, fill: tone))
        }
        switch state.link {
        case .lost(let attempt, _):
            banner("Lost connection to the server — reconnecting (attempt \(attempt))…", .alert)
        case .refused(let reason):
            banner("The server refused this console: \(reason). Check --key or FORUM_HOST_KEY.", .alert)
        case .connecting:
            banner("Connecting to \(state.address)…", .caution)
        case .connected:
            break
        }
        let view = state.view
        if view.storeFailed > 0 {
            banner(
                "The database failed \(view.storeFailed) write\(view.storeFailed == 1 ? "" : "s") since the start: "
                    + "those votes were refused. Check the disk.", .alert)
        }
        if view.storePending > pendingWarning {
            banner("The database is falling behind: \(view.storePending) records waiting to be written.", .caution)
        }
        if let warning = state.serverWarning, now.timeIntervalSince(warning.at) < warningSeconds {
            banner("Server: \(warning.text)", .caution)
        }
        return lines
    }
}
