/// One key of the console's normal mode, as the footer and the help show it.
public struct KeyBinding: Sendable, Equatable {
    /// What to press: `n`, `1-8`, `?`.
    public var keys: String
    /// The footer's word for it.
    public var label: String
    /// The help screen's sentence.
    public var help: String
}

/// The console's keys: one table for the footer, the help and the tests, so they never
/// disagree with what the keys do (``ConsoleState/press(_:now:)``).
public enum KeyBindings {
    /// Every normal-mode key in footer order.
    public static let all: [KeyBinding] = [
        KeyBinding(keys: "n", label: "next", help: "next scene"),
        KeyBinding(keys: "b", label: "back", help: "back to the previous scene"),
        KeyBinding(keys: "o", label: "open", help: "open the vote"),
        KeyBinding(keys: "c", label: "close", help: "close the vote"),
        KeyBinding(keys: "r", label: "reveal", help: "reveal the results to everyone"),
        KeyBinding(keys: "f", label: "follow", help: "follow the winning option"),
        KeyBinding(keys: "1-8", label: "choose", help: "choose that option instead"),
        KeyBinding(keys: "p", label: "replay", help: "replay the scene as a new round"),
        KeyBinding(keys: "t", label: "timed", help: "open a timed vote (asks seconds)"),
        KeyBinding(keys: "v", label: "results", help: "results: hidden/screen/everyone"),
        KeyBinding(keys: "g", label: "split", help: "split the bars by perspective"),
        KeyBinding(keys: "G", label: "by place", help: "split the bars by place"),
        KeyBinding(keys: "s", label: "start", help: "start a story"),
        KeyBinding(keys: "e", label: "end", help: "end the story (asks first)"),
        KeyBinding(keys: "x", label: "finish", help: "finish the day (asks first)"),
        KeyBinding(keys: "j", label: "join", help: "join screen on the projector"),
        KeyBinding(keys: "u", label: "undo", help: "undo the last move (asks first)"),
        KeyBinding(keys: "i", label: "info", help: "addresses, host key, the room"),
        KeyBinding(keys: "V", label: "venues", help: "every venue of a shared show"),
        KeyBinding(keys: "a", label: "ack stops", help: "acknowledge the room's stops"),
        KeyBinding(keys: "w", label: "proposals", help: "open/close proposals from phones"),
        KeyBinding(keys: "m", label: "moderate", help: "moderate the proposals"),
        KeyBinding(keys: ":", label: "command", help: "command line (see below)"),
        KeyBinding(keys: "?", label: "help", help: "this help"),
        KeyBinding(keys: "q", label: "quit", help: "quit (asks first)"),
    ]

    /// The normal-mode keys of a moderator's console (`forum host --moderator`).
    public static let moderator: Set<String> = ["m", "V", ":", "?", "h", "q"]

    /// *(addition)* The keys only a show shared between venues offers (`V`).
    public static let sharedShow: Set<String> = ["V"]

    /// The keys a console offers: every one for the host, the moderator's for a moderator;
    /// those of a shared show only on one (`shared`).
    public static func offered(moderator isModerator: Bool, shared: Bool = false) -> [KeyBinding] {
        (isModerator ? all.filter { moderator.contains($0.keys) } : all).filter {
            shared || !sharedShow.contains($0.keys)
        }
    }

    /// The commands of the `:` line, for the help screen.
    public static let commandLine: [(String, String)] = [
        (":goto SCENE", "jump to a scene"),
        (":start STORY", "start a story"),
        (":end", "end the story"),
        (":choose OPTION", "follow an option"),
        (":open SECONDS", "a timed vote"),
        (":replay [SCENE]", "vote again"),
        (":session ID", "change session"),
        (":results MODE", "who sees results"),
        (":split on|off", "split by perspective"),
        (":split place", "split by place"),
        (":undo", "undo the last move"),
        (":note TEXT", "a note for the report"),
        (":approve P", "or :reject P"),
        (":merge P Q", "P same idea as Q"),
        (":adopt P", "put P to the vote"),
        (":ideas on|off", "ideas on screen"),
        (":report", "live report address"),
    ]
}
