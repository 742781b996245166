import Dispatch
import ForumClient
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The host console: full-screen in the terminal, a client of the host protocol like any
/// other (the same code path for `forum serve` and `forum host`).
///
/// One thread runs it: it polls the keyboard and an ``Inbox`` that the link's reader
/// thread, the signal sources and the server's logger post to; keys and messages change a
/// ``ConsoleState``; the screen is laid out by ``ScreenLayout`` and written by a
/// ``FrameWriter`` at most ten times a second (and once a second for the clock).
public final class FullScreenConsole: Sendable {
    private let url: String
    /// How a `wss://` server's certificate is checked.
    private let tls: TLSOptions
    private let key: String
    private let role: ConsoleState.Role
    /// A moderator's console (`forum host --moderator`): proposals only.
    private let moderator: Bool
    private let inbox = Inbox()

    /// The shortest time between two frames: at most ten a second, whatever the votes do.
    static let frameInterval: TimeInterval = 0.1

    public init(
        url: String, key: String, role: ConsoleState.Role, tls: TLSOptions = TLSOptions(), moderator: Bool = false
    ) {
        self.moderator = moderator
        self.url = url
        self.tls = tls
        self.key = key
        self.role = role
    }

    /// Whether standard input and output are a terminal the console can take over.
    public static var canRun: Bool { Terminal.isInteractive }

    /// Shows a warning the server logged (from any thread).
    public func serverLogged(_ text: String) {
        inbox.post(.serverWarning(text))
    }

    /// Ends the console from another thread.
    public func stop(_ outcome: ConsoleOutcome = .interrupted) {
        inbox.post(.stop(outcome))
    }

    /// Takes over the terminal until the host quits, then puts it back; says how it ended.
    public func run() -> ConsoleOutcome {
        let terminal = Terminal()
        do {
            try terminal.enter()
        } catch {
            FileHandle.standardError.write(Data("forum: \(error)\n".utf8))
            return .hangup
        }
        defer { terminal.leave() }
        let inbox = inbox
        let sources = [SIGWINCH, SIGINT, SIGTERM, SIGHUP, SIGCONT].map { number in
            if number != SIGWINCH && number != SIGCONT { Self.ignoreIfDefault(number) }
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { inbox.post(.signal(number)) }
            source.resume()
            return source
        }
        defer { sources.forEach { $0.cancel() } }
        let link = HostLink(url: url, key: key, tls: tls, role: moderator ? .moderator : .host) { event in
            inbox.post(.link(event))
        }
        link.start()
        defer { link.stop() }
        let environment = ProcessInfo.processInfo.environment
        var state = ConsoleState(role: role, address: url)
        if moderator {
            state.isModerator = true
            state.mode = .proposals(ConsoleState.ProposalCursor())
        } else {
            state.hostKey = key
        }
        var loop = Loop(
            state: state, terminal: terminal, link: link,
            writer: FrameWriter(color: (environment["NO_COLOR"] ?? "").isEmpty),
            glyphs: Glyphs.forEnvironment(environment))
        return loop.run(inbox: inbox)
    }
}

extension FullScreenConsole {
    /// Ignores a signal that would otherwise end the process, before its dispatch source is
    /// registered. A signal already handled (dispatch installs its own handler for the
    /// sources of `forum serve`) is left alone: replacing that handler with SIG_IGN would
    /// make Linux drop the signal before dispatch sees it.
    fileprivate static func ignoreIfDefault(_ number: Int32) {
        var current = sigaction()
        sigaction(number, nil, &current)
        if current.__sigaction_handler.sa_handler == nil && current.sa_flags & SA_SIGINFO == 0 {
            signal(number, SIG_IGN)
        }
    }
}

/// The console's loop and what it owns; lives on the console's thread only.
private struct Loop {
    var state: ConsoleState
    let terminal: Terminal
    let link: HostLink
    var writer: FrameWriter
    let glyphs: Glyphs
    var size = Terminal.size()
    var decoder = KeyDecoder()
    var dirty = true
    var full = true
    var lastFrame = Date.distantPast
    var second = 0

    mutating func run(inbox: Inbox) -> ConsoleOutcome {
        while true {
            let now = Date()
            let thisSecond = Int(now.timeIntervalSince1970)
            if thisSecond != second {
                second = thisSecond
                dirty = true
            }
            if dirty, now.timeIntervalSince(lastFrame) >= FullScreenConsole.frameInterval { draw(now) }
            var timeout = Int((1 - now.timeIntervalSince1970.truncatingRemainder(dividingBy: 1)) * 1000) + 1
            if dirty {
                let wait = lastFrame.addingTimeInterval(FullScreenConsole.frameInterval).timeIntervalSince(now)
                timeout = min(timeout, max(1, Int(wait * 1000) + 1))
            }
            var descriptors = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: inbox.descriptor, events: Int16(POLLIN), revents: 0),
            ]
            guard poll(&descriptors, 2, Int32(timeout)) >= 0 || errno == EINTR else { return .hangup }
            if descriptors[0].revents != 0 {
                guard let bytes = terminal.read() else { return .hangup }
                for key in decoder.feed(bytes) {
                    if let outcome = perform(state.press(key, now: Date())) { return outcome }
                }
                dirty = true
            }
            if descriptors[1].revents != 0 {
                for item in inbox.drain() {
                    if let outcome = take(item) { return outcome }
                }
            }
        }
    }

    private mutating func draw(_ now: Date) {
        var frame = ScreenLayout.frame(state, width: size.width, height: size.height, now: now, glyphs: glyphs)
        if state.scroll > frame.scrollLimit {
            // Scrolled past the end (or the terminal grew): keep the position where it shows.
            state.scroll = frame.scrollLimit
            frame = ScreenLayout.frame(state, width: size.width, height: size.height, now: now, glyphs: glyphs)
        }
        let output = writer.output(for: frame.lines, full: full)
        if !output.isEmpty { terminal.write(output) }
        dirty = false
        full = false
        lastFrame = now
    }

    /// Carries out what a key or a message asked for; returns an outcome to end the console.
    private mutating func perform(_ effects: [ConsoleEffect]) -> ConsoleOutcome? {
        for effect in effects {
            switch effect {
            case .send(let command):
                state.sent(command.name, ref: link.send(command), now: Date())
            case .finish(let outcome):
                return outcome
            case .redraw:
                full = true
            }
        }
        return nil
    }

    private mutating func take(_ item: Inbox.Item) -> ConsoleOutcome? {
        dirty = true
        switch item {
        case .link(let event): return perform(state.receive(event, now: Date()))
        case .serverWarning(let text): state.serverLogged(text, now: Date())
        case .stop(let outcome): return outcome
        case .signal(let number):
            switch number {
            case SIGWINCH:
                size = Terminal.size()
                full = true
            case SIGCONT:
                try? terminal.applyRawMode()
                terminal.write("\u{1B}[?1049h\u{1B}[?25l\u{1B}[?7l")
                full = true
            case SIGHUP: return .hangup
            default: return .interrupted
            }
        }
        return nil
    }
}
