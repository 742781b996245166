#if canImport(Glibc)
    import Glibc
#endif

/// The controlling terminal in full-screen mode: raw input (termios), the alternate screen,
/// no cursor, no autowrap. ``leave()`` puts everything back; ``CrashGuard`` does the same if
/// the process dies first.
final class Terminal {
    private var original = termios()
    private(set) var isFullScreen = false

    /// Whether standard input and output are both a terminal.
    static var isInteractive: Bool { isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0 }

    /// The terminal's size in columns and lines (80×24 when it cannot say).
    static func size() -> (width: Int, height: Int) {
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else {
            return (80, 24)
        }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    /// Switches to raw mode and the alternate screen.
    func enter() throws(TerminalError) {
        guard tcgetattr(STDIN_FILENO, &original) == 0 else {
            throw TerminalError("cannot read the terminal's settings")
        }
        CrashGuard.install(original: original)
        try applyRawMode()
        write("\u{1B}[?1049h\u{1B}[?25l\u{1B}[?7l\u{1B}[H\u{1B}[2J")
        isFullScreen = true
    }

    /// Applies raw mode again (after the process was stopped and continued).
    func applyRawMode() throws(TerminalError) {
        var raw = original
        raw.c_lflag &= ~tcflag_t(ECHO | ICANON | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL | BRKINT | INPCK | ISTRIP)
        raw.c_cflag |= tcflag_t(CS8)
        withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
            bytes[Int(VMIN)] = 1
            bytes[Int(VTIME)] = 0
        }
        guard tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0 else { throw TerminalError("cannot switch to raw mode") }
    }

    /// Leaves the alternate screen and restores the terminal's settings.
    func leave() {
        guard isFullScreen else { return }
        isFullScreen = false
        write("\u{1B}[0m\u{1B}[?7h\u{1B}[?25h\u{1B}[?1049l")
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
        CrashGuard.uninstall()
    }

    /// Writes all of `text` to standard output (one write for a whole frame, if the
    /// terminal takes it).
    func write(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Glibc.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }
            offset += written
        }
    }

    /// Reads what is waiting on standard input (call when poll(2) says it is readable); nil
    /// at the end of input (the terminal went away).
    func read() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 1024)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
        if count < 0 { return errno == EINTR || errno == EAGAIN ? [] : nil }
        if count == 0 { return nil }
        return Array(buffer[0..<count])
    }
}

/// The terminal could not be set up.
struct TerminalError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) {
        self.description = description
    }
}
