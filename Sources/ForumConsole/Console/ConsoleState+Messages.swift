import ForumCore
import Foundation

extension ConsoleState {
    /// Takes in what happened on the host link. A refused key ends the console.
    public mutating func receive(_ event: HostLink.Event, now: Date) -> [ConsoleEffect] {
        switch event {
        case .connected:
            link = .connected
            waiting = [:]
        case .disconnected(let reason):
            if case .lost(let attempt, _) = link {
                link = .lost(attempt: attempt + 1, reason: reason)
            } else {
                link = .lost(attempt: 1, reason: reason)
            }
        case .refused(let reason):
            link = .refused(reason)
            return [.finish(.refused(reason))]
        case .message(let text):
            guard let message = ServerMessage(text: text) else { return [] }
            receive(message, now: now)
        }
        return []
    }

    /// Takes in one message from the server.
    public mutating func receive(_ message: ServerMessage, now: Date) {
        switch message {
        case .welcome, .tally:
            view.apply(message)
        case .state(let state):
            let before = (view.sceneID, view.decision?.roundID, view.storyID)
            view.apply(message)
            voice = ConsoleVoice(state.room)
            venues = ConsoleVenues(state.venues, at: now)
            if venues == nil, mode == .venues { mode = .normal }
            if (view.sceneID, view.decision?.roundID, view.storyID) != before {
                if view.sceneID != before.0 { scroll = 0 }
                if case .chooseTie = mode { mode = .normal }
            }
            if view.decision?.split == nil, view.sceneID != before.0 { localSplit = false }
        case .ack(let ack):
            guard let ref = ack.ref, let command = waiting.removeValue(forKey: ref) else { return }
            notice = Notice(kind: .done, text: Self.doneText(command), until: now + 3)
        case .error(let error):
            let command = error.ref.flatMap { waiting.removeValue(forKey: $0) }
            if error.errorCode == .tie, let tied = error.options, !tied.isEmpty {
                mode = .chooseTie(tied)
                return
            }
            let reason = TextWidth.sanitize(error.message.isEmpty ? "refused" : error.message)
            let what = command.map { "\($0.rawValue) refused: " } ?? "Refused: "
            notice = Notice(kind: .refused, text: "\(what)\(reason)", code: error.code, until: nil)
        case .pong, .voice, .report:
            break
        }
    }

    /// Notes a command the console sent (`ref`), or that it could not be sent (nil).
    public mutating func sent(_ command: HostCommandName, ref: String?, now: Date) {
        guard let ref else {
            notice = Notice(
                kind: .refused, text: "Not connected: \(command.rawValue) was not sent. Try again once reconnected.",
                until: nil)
            return
        }
        waiting[ref] = command
    }

    /// Notes a warning the server logged (console of `forum serve`).
    public mutating func serverLogged(_ text: String, now: Date) {
        serverWarning = ServerWarning(text: TextWidth.sanitize(text), at: now)
    }

    private static func doneText(_ command: HostCommandName) -> String {
        switch command {
        case .next: "✓ next scene"
        case .back: "✓ back one scene"
        case .goto: "✓ moved"
        case .open: "✓ the vote is open"
        case .close: "✓ the vote is closed"
        case .reveal: "✓ results revealed"
        case .follow: "✓ followed the winner"
        case .choose: "✓ chosen"
        case .replay: "✓ replaying the scene"
        case .start: "✓ story started"
        case .end: "✓ story ended"
        case .session: "✓ session changed"
        case .results: "✓ results visibility changed"
        case .split: "✓ split changed"
        case .undo: "✓ undone: the scene before is back"
        case .note: "✓ note kept for the report"
        default: "✓ \(command.rawValue)"
        }
    }
}
