import Foundation
import Synchronization

/// The host console, first version: a live status line and typed commands, over the host
/// protocol (the same code path whether the server runs in this process or elsewhere).
public final class LineConsole: Sendable {
    private let link: HostLink
    private let view = Mutex(HostView())
    private let lastTallyPrint = Mutex(Date.distantPast)
    private let connected = DispatchSemaphore(value: 0)
    private let output = Mutex(())
    private let refused = Atomic<Bool>(false)

    public init(url: String, key: String) {
        let box = LinkEvents()
        link = HostLink(url: url, key: key) { event in box.deliver(event) }
        box.console.withLock { $0 = self }
    }

    /// Runs the console until the host quits or input ends. Returns false when the server
    /// refused the key.
    public func run(prompt: Bool = true) -> Bool {
        link.start()
        say("connecting to the show…")
        while let line = readLine() {
            if refused.load(ordering: .acquiring) { return false }
            switch ConsoleInput.parse(line) {
            case .failure(let error): say("! \(error.message)")
            case .success(.empty): say(view.withLock { $0.statusLine })
            case .success(.help): say(ConsoleInput.helpText)
            case .success(.status): say(view.withLock { $0.render(width: Self.width) })
            case .success(.quit):
                link.stop()
                return true
            case .success(.chooseNumber(let number)):
                let options = view.withLock { $0.options }
                guard number <= options.count else {
                    say("! there is no option \(number) on this scene")
                    continue
                }
                send("choose", ["option": .string(options[number - 1].id)])
            case .success(.command(let name, let args)):
                send(name, args)
            }
        }
        link.stop()
        return !refused.load(ordering: .acquiring)
    }

    private func send(_ name: String, _ args: [String: ConsoleArgument]) {
        if link.send(command: name, args: args) == nil {
            say("! not connected to the server yet: try again in a moment")
        }
    }

    fileprivate func handle(_ event: HostLink.Event) {
        switch event {
        case .connected: say("connected.")
        case .disconnected(let reason): say("! lost the connection to the server (\(reason)); reconnecting…")
        case .refused(let reason):
            refused.store(true, ordering: .releasing)
            say("! \(reason). Check --key (or FORUM_HOST_KEY).")
        case .message(let text):
            guard let message = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                return
            }
            handle(message)
        }
    }

    private func handle(_ message: [String: Any]) {
        let type = message["type"] as? String
        let rendered: String? = view.withLock { view in
            view.apply(message)
            switch type {
            case "welcome":
                let stories = view.stories.map { "  \($0.id)  \($0.title)" }.joined(separator: "\n")
                return
                    "\(view.eventTitle)\nphones join at: \(view.joinURLs.joined(separator: "  "))\nstories:\n\(stories)\ntype help for commands"
            case "state": return view.render(width: Self.width)
            default: return nil
            }
        }
        if let rendered { say(rendered) }
        switch type {
        case "tally":
            let due = lastTallyPrint.withLock { last in
                guard Date().timeIntervalSince(last) >= 2 else { return false }
                last = Date()
                return true
            }
            if due { say(view.withLock { $0.statusLine }) }
        case "ack": say("ok: \(message["command"] as? String ?? "done")")
        case "error":
            var line = "! \(message["message"] as? String ?? "refused") [\(message["code"] as? String ?? "error")]"
            if let options = message["options"] as? [String], !options.isEmpty {
                let numbered = view.withLock { view in
                    options.map { id in (view.options.firstIndex { $0.id == id }.map { "\($0 + 1)" } ?? "?") + " " + id
                    }
                }
                line += "\n  type the number of the option to follow: " + numbered.joined(separator: ", ")
            }
            say(line)
        default: break
        }
    }

    private func say(_ text: String) {
        output.withLock { _ in
            FileHandle.standardOutput.write(Data((text + "\n").utf8))
        }
    }

    static let width = 100
}

/// Hands link events to the console once it exists (the link is made in its initialiser).
private final class LinkEvents: Sendable {
    let console = Mutex<LineConsole?>(nil)
    func deliver(_ event: HostLink.Event) {
        console.withLock { $0 }?.handle(event)
    }
}
