import ForumCore

/// A line the host typed, understood: a show command for the server, or something for the
/// console itself.
public enum ConsoleInput: Equatable, Sendable {
    /// A host command for the server (`choose 2` keeps its number as the option: the console
    /// knows which option that is).
    case command(HostCommand)
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
        func one(_ what: String, _ command: (String) -> HostCommand) -> Result<ConsoleInput, ConsoleInputError> {
            guard rest.count == 1 else {
                return .failure(ConsoleInputError("\(verb) needs \(what): \(verb) \(what.uppercased())"))
            }
            return .success(.command(command(rest[0])))
        }
        func onOff() -> Bool? { rest.count == 1 ? ["on": true, "off": false][rest[0].lowercased()] : nil }
        if let command = bareCommands[verb] {
            guard rest.isEmpty else { return .failure(ConsoleInputError("\(verb) takes nothing after it")) }
            return .success(.command(command))
        }
        switch verb {
        case "start": return one("a story id") { .start(story: $0) }
        case "goto": return one("a scene id") { .goto(scene: $0) }
        case "choose": return one("an option id or number") { .choose(option: $0) }
        case "session": return one("a session id") { .session(id: $0) }
        case "open":
            if rest.isEmpty { return .success(.command(.open(seconds: nil))) }
            guard rest.count == 1, let seconds = Int(rest[0]) else {
                return .failure(ConsoleInputError("open takes an optional number of seconds: open 60"))
            }
            return .success(.command(.open(seconds: seconds)))
        case "results":
            guard rest.count == 1, let mode = ResultsVisibility(rawValue: rest[0].lowercased()) else {
                return .failure(
                    ConsoleInputError("results needs a mode: results hidden, results screen or results everyone"))
            }
            return .success(.command(.results(mode)))
        case "split" where rest.count == 1 && rest[0].lowercased() == "place":
            return .success(.command(.split(true, by: .place)))
        case "split":
            guard let on = onOff() else { return .failure(ConsoleInputError("split needs on or off: split on")) }
            return .success(.command(.split(on)))
        case "join":
            guard let on = onOff() else { return .failure(ConsoleInputError("join needs on or off: join on")) }
            return .success(.command(.join(on)))
        case "replay":
            if rest.isEmpty { return .success(.command(.replay(scene: nil))) }
            return one("a scene id") { .replay(scene: $0) }
        case "note":
            let note = text.drop { $0 != " " }.trimmingCharacters(in: .whitespaces)
            guard !note.isEmpty else { return .failure(ConsoleInputError("note needs some text: note TEXT")) }
            return .success(.command(.note(text: note)))
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

    /// The typed commands that take nothing after them.
    private static let bareCommands: [String: HostCommand] = [
        "next": .next, "back": .back, "close": .close, "reveal": .reveal, "follow": .follow, "end": .end,
        "finish": .finish, "undo": .undo,
    ]

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

/// Why a typed line was not understood.
public struct ConsoleInputError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) {
        self.message = message
    }
}
