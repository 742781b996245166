import ForumCore
import Foundation

/// Everything the full-screen console shows and remembers: the show as the server last
/// described it, the input mode, the connection and the last notice. Pure: keys and server
/// messages change it (``press(_:now:)``, ``receive(_:now:)``) and say what to do as
/// ``ConsoleEffect``s; the renderer draws it.
public struct ConsoleState: Sendable, Equatable {
    /// Whether this console belongs to a `forum serve` in the same process (quitting asks
    /// whether to stop the show) or drives a server elsewhere.
    public enum Role: Sendable, Equatable {
        case serve
        case remote
    }

    /// What keys do right now.
    public enum Mode: Sendable, Equatable {
        case normal
        /// The `:` command line with what was typed so far.
        case commandLine(String)
        /// `t`: the seconds for a timed vote, as typed so far.
        case seconds(String)
        /// A question to answer with `y` before something that cannot be undone.
        case confirm(Confirmation)
        /// A tie on `f`: the tied option ids, to choose from by number.
        case chooseTie([String])
        /// `s`: the programme's stories, to start by number.
        case pickStory
        case help
        /// `i`: the addresses, the host key and who is in the room.
        case info
        /// `m`: the proposals screen, to moderate from (see ConsoleState+Proposals.swift).
        case proposals(ProposalCursor)
        /// *(addition)* `V`: every venue of a shared show (see ConsoleState+Venues.swift).
        case venues
        /// `q`: leave the console (and, for `forum serve`, whether to stop the show).
        case quit
    }

    /// A question before an action that cannot be undone.
    public struct Confirmation: Sendable, Equatable {
        public var question: String
        public var effect: ConsoleEffect
    }

    /// The connection to the server.
    public enum Link: Sendable, Equatable {
        case connecting
        case connected
        /// Lost; `attempt` counts the reconnection attempts so far.
        case lost(attempt: Int, reason: String)
        case refused(String)
    }

    /// A warning the server logged, and when.
    public struct ServerWarning: Sendable, Equatable {
        public var text: String
        public var at: Date
    }

    /// A line of feedback under the panels.
    public struct Notice: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case done
            case refused
            case info
        }

        public var kind: Kind
        public var text: String
        /// The server's error code, shown after the text when it fits.
        public var code: String? = nil
        /// When it gives way to the next-step hint; nil: at the next key.
        public var until: Date?
    }

    public var role: Role
    public var address: String
    public var view = HostView()
    /// The room's stops and proposals (see ConsoleVoice.swift).
    public var voice = ConsoleVoice()
    /// *(addition)* The venues of a shared show, from the latest state (nil: one machine).
    public var venues: ConsoleVenues?
    public var mode = Mode.normal
    public var link = Link.connecting
    public var notice: Notice?
    /// Lines the scene text is scrolled down by.
    public var scroll = 0
    /// The split toggle for a server that does not report one.
    public var localSplit = false
    /// The latest warning the server logged (for `forum serve`).
    public var serverWarning: ServerWarning?
    /// Commands sent and not yet answered: ref → command name.
    public var waiting: [String: HostCommandName] = [:]
    /// The host key this console connected with, for the info panel (`i`).
    public var hostKey = ""
    /// True for a moderator's console (`forum host --moderator`): it may moderate proposals,
    /// not run the show.
    public var isModerator = false

    public init(role: Role, address: String) {
        self.role = role
        self.address = address
    }

    /// Whether the bars are split by perspective: the server's word, else the local toggle.
    public var isSplit: Bool { view.decision?.split ?? localSplit }
}

/// What the console must do after a key or a message.
public enum ConsoleEffect: Sendable, Equatable {
    /// Send a host command to the server.
    case send(HostCommand)
    /// Leave the console.
    case finish(ConsoleOutcome)
    /// Draw the whole screen again (Ctrl-L).
    case redraw
}

/// How the console ended.
public enum ConsoleOutcome: Sendable, Equatable {
    /// The host quit; for `forum serve`, `stopShow` says whether to stop the show too.
    case quit(stopShow: Bool)
    /// The server refused the host key.
    case refused(String)
    /// SIGINT or SIGTERM from outside.
    case interrupted
    /// The terminal went away (SIGHUP, end of input).
    case hangup
}
