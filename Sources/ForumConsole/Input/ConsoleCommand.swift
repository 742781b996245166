import ForumCore

/// A line the host typed, understood: a show command for the server, or something for the
/// console itself.
public enum ConsoleInput: Equatable, Sendable {
    /// A protocol command with its arguments (string or whole-number values).
    case command(name: String, args: [String: ConsoleArgument])
    /// Choose the option at this 1-based position of the current decision.
    case chooseNumber(Int)
    case help
    case status
    /// Where to open the live report (a page of `forum serve`; it asks for the host key).
    case report
    case quit
    case empty

    /// Parses what the host typed: `next`, `goto the-call`, `open 60`, `3`, `:start sams-night`…
    /// A leading `:` is allowed (the full-screen console's command line uses it).
    public static func parse(_ line: String) -> Result<ConsoleInput, ConsoleInputError> {
        var text = line.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix(":") { text.removeFirst() }
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let verb = words.first?.lowercased() else { return .success(.empty) }
        let rest = Array(words.dropFirst())
        if let number = Int(verb), (1...8).contains(number), rest.isEmpty { return .success(.chooseNumber(number)) }
        func one(_ key: String, _ what: String) -> Result<ConsoleInput, ConsoleInputError> {
            guard rest.count == 1 else {
                return .failure(ConsoleInputError("\(verb) needs \(what): \(verb) \(what.uppercased())"))
            }
            return .success(.command(name: verb, args: [key: .string(rest[0])]))
        }
        switch verb {
        case "next", "back", "close", "reveal", "follow", "end", "finish", "undo":
            guard rest.isEmpty else { return .failure(ConsoleInputError("\(verb) takes nothing after it")) }
            return .success(.command(name: verb, args: [:]))
        case "start": return one("story", "a story id")
        case "goto": return one("scene", "a scene id")
        case "choose": return one("option", "an option id or number")
        case "session": return one("session", "a session id")
        case "open":
            if rest.isEmpty { return .success(.command(name: "open", args: [:])) }
            guard rest.count == 1, let seconds = Int(rest[0]) else {
                return .failure(ConsoleInputError("open takes an optional number of seconds: open 60"))
            }
            return .success(.command(name: "open", args: ["seconds": .int(seconds)]))
        case "results":
            let modes = ["hidden", "screen", "everyone"]
            guard rest.count == 1, modes.contains(rest[0].lowercased()) else {
                return .failure(
                    ConsoleInputError("results needs a mode: results hidden, results screen or results everyone"))
            }
            return .success(.command(name: "results", args: ["mode": .string(rest[0].lowercased())]))
        case "split" where rest.count == 1 && rest[0].lowercased() == "place":
            return .success(.command(name: "split", args: ["on": .bool(true), "by": .string("place")]))
        case "split":
            guard rest.count == 1, let on = ["on": true, "off": false][rest[0].lowercased()] else {
                return .failure(ConsoleInputError("split needs on or off: split on"))
            }
            return .success(.command(name: "split", args: ["on": .bool(on)]))
        case "join":
            guard rest.count == 1, let on = ["on": true, "off": false][rest[0].lowercased()] else {
                return .failure(ConsoleInputError("join needs on or off: join on"))
            }
            return .success(.command(name: "join", args: ["on": .bool(on)]))
        case "replay":
            if rest.isEmpty { return .success(.command(name: "replay", args: [:])) }
            return one("scene", "a scene id")
        case "note":
            let note = text.drop { $0 != " " }.trimmingCharacters(in: .whitespaces)
            guard !note.isEmpty else { return .failure(ConsoleInputError("note needs some text: note TEXT")) }
            return .success(.command(name: "note", args: ["text": .string(note)]))
        case "help", "?": return .success(.help)
        case "status": return .success(.status)
        case "report":
            guard rest.isEmpty else { return .failure(ConsoleInputError("report takes nothing after it")) }
            return .success(.report)
        case "quit", "exit", "q": return .success(.quit)
        default:
            if let voice = parseVoice(verb, rest) { return voice }
            let known = [
                "start", "next", "back", "goto", "open", "close", "reveal", "follow", "choose", "replay", "end",
                "session", "results", "split", "finish", "join", "status", "help", "quit", "undo", "note", "report",
            ]
            var message = "unknown command '\(verb)'"
            if let closest = ClosestMatch.best(for: verb, among: known) { message += ": did you mean '\(closest)'?" }
            return .failure(ConsoleInputError(message + " (type help for the list)"))
        }
    }

    /// The console's help text, one command a line.
    public static let helpText = """
        start STORY      start a story (see the list above)
        next / back      go to the next scene / the previous one
        goto SCENE       jump to a scene of this story
        open [SECONDS]   open the vote (closes itself after SECONDS if given)
        close / reveal   close the vote / show the results to everyone
        follow           go on along the winning option (a tie asks you to choose)
        choose OPTION    go on along this option instead (or type its number: 1-8)
        replay [SCENE]   run this scene (or SCENE) again; its vote is a new round
        end              end the story
        undo             take back the last move of the room (the scene before, its vote as it was)
        note TEXT        keep a note on this decision for the report (never shown to the room)
        report           where to open the live report in a browser (it asks for the host key)
        results MODE     who sees the results before the reveal: hidden, screen or everyone
        split on|off     split the results by perspective (on the projector too)
        split place      split them by place instead: in the room or remote
        session ID       move the show into a session of the programme
        finish           finish the day: the closing screen on every phone and the projector
        join on|off      show (or stop showing) the full-screen join screen on the projector
        status           show where the show is
        quit             leave the console
        """
}

/// An argument value for a console command.
public enum ConsoleArgument: Equatable, Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)

    /// The value as the protocol writes it.
    public var json: JSONValue {
        switch self {
        case .string(let text): .string(text)
        case .int(let number): .int(number)
        case .bool(let flag): .bool(flag)
        }
    }

    /// A command message with these arguments (keys sorted), for the host's connection.
    static func commandMessage(_ name: String, args: [String: ConsoleArgument], ref: String) -> JSONValue {
        .object([
            ("type", "command"), ("command", .string(name)),
            ("args", .object(args.keys.sorted().map { ($0, args[$0]!.json) })), ("ref", .string(ref)),
        ])
    }
}

/// Why a typed line was not understood.
public struct ConsoleInputError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) {
        self.message = message
    }
}
