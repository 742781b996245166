import ForumClient
import ForumCore
import Foundation

/// `forum host URL --key KEY --command NAME [ARGS]`: runs one host command and reports the
/// answer, for scripts. Uses the same host protocol and the same command words as the
/// console.
public enum OneShotCommand {
    /// Runs the command; returns the text to print and whether it succeeded.
    public static func run(
        url: String, key: String, words: [String], timeoutSeconds: Double = 10, tls: TLSOptions = TLSOptions()
    ) -> (
        output: String, ok: Bool
    ) {
        let input: ConsoleInput
        switch ConsoleInput.parse(words.joined(separator: " ")) {
        case .success(let parsed): input = parsed
        case .failure(let error): return ("error: \(error.message)", false)
        }
        do {
            let client = try WebSocketClient(url: url, timeoutSeconds: timeoutSeconds, tls: tls)
            defer { client.close() }
            try client.send(ClientMessage.hello(role: .host, device: nil, key: key).json().text)
            var view = HostView()
            var venues: ConsoleVenues?
            while true {
                let message = try next(from: client, timeoutSeconds: timeoutSeconds)
                view.apply(message)
                if case .error(let error) = message { return ("error: \(error.message)", false) }
                if case .state(let state) = message {
                    venues = ConsoleVenues(state.venues, at: Date())
                    break
                }
            }
            var command: HostCommand
            switch input {
            case .command(let typed):
                command = typed
                // `choose 2` means the second option, as in the console.
                if case .choose(let option) = typed, let number = Int(option), view.options.indices.contains(number - 1)
                {
                    command = .choose(option: view.options[number - 1].id)
                }
            case .chooseNumber(let number):
                guard number <= view.options.count else { return ("error: there is no option \(number)", false) }
                command = .choose(option: view.options[number - 1].id)
            case .status, .empty:
                return (status(of: view, venues: venues, url: url), true)
            case .report:
                return (ReportAddress.line(joinURLs: view.joinURLs.isEmpty ? [url] : view.joinURLs), true)
            case .help:
                return (ConsoleInput.helpText, true)
            case .quit:
                return ("", true)
            }
            try client.send(ClientMessage.command(command).json(ref: "oneshot").text)
            while true {
                switch try next(from: client, timeoutSeconds: timeoutSeconds) {
                case .ack(let ack) where ack.ref == "oneshot":
                    return ("ok: \(command.name.rawValue)", true)
                case .error(let error) where error.ref == "oneshot":
                    var text = "error: \(error.message) [\(error.code)]"
                    if let options = error.options { text += " options: \(options.joined(separator: ", "))" }
                    return (text, false)
                default:
                    continue
                }
            }
        } catch {
            return ("error: \(error)", false)
        }
    }

    /// The console's screen as plain text, 100 columns wide, without the keys and without
    /// runs of blank lines; on a shared show, the venues table after it *(addition)*.
    static func status(of view: HostView, venues: ConsoleVenues? = nil, url: String, now: Date = Date()) -> String {
        var state = ConsoleState(role: .remote, address: url)
        state.view = view
        state.link = .connected
        state.venues = venues
        let glyphs = Glyphs.forEnvironment(ProcessInfo.processInfo.environment)
        let screen = ScreenLayout.render(state, width: 100, height: 40, now: now, glyphs: glyphs)
        var text = screen.dropLast(2).map { line in
            String(line.plain.reversed().drop { $0 == " " }.reversed())
        }
        if venues != nil {
            text.append("")
            text += VenuesScreen.lines(state, width: 100, height: 200, now: now, glyphs: glyphs).map { line in
                String(line.plain.reversed().drop { $0 == " " }.reversed())
            }
        }
        var lines: [String] = []
        for line in text where !(line.isEmpty && (lines.last?.isEmpty ?? true)) { lines.append(line) }
        return lines.reversed().drop { $0.isEmpty }.reversed().joined(separator: "\n")
    }

    /// The next message the server sends that this build can read.
    private static func next(from client: WebSocketClient, timeoutSeconds: Double) throws -> ServerMessage {
        while true {
            guard let text = try client.receive(timeoutSeconds: timeoutSeconds) else {
                throw WebSocketClient.Failure(description: "the server closed the connection")
            }
            if let message = ServerMessage(text: text) { return message }
        }
    }
}
