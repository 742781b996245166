#if canImport(Glibc)
    import Glibc
#endif

/// Puts the terminal back if the process crashes while the console is full-screen: handlers
/// for SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE and SIGTRAP (Swift traps) write the restore
/// sequence with write(2), put back the termios saved before raw mode, then hand the signal
/// to whoever handled it before (the Swift runtime's backtracer, or the default action).
///
/// Only async-signal-safe calls run in the handler, and it reads nothing but raw memory set
/// up beforehand (no Swift globals with exclusivity checks, no allocation).
enum CrashGuard {
    private static let signals: [Int32] = [SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE, SIGTRAP]

    /// The handler's memory: the saved termios, whether the guard is armed, the earlier actions.
    private struct Storage {
        var saved = termios()
        var armed: Int32 = 0
        var previous: (sigaction, sigaction, sigaction, sigaction, sigaction, sigaction) = (
            sigaction(), sigaction(), sigaction(), sigaction(), sigaction(), sigaction()
        )
    }

    nonisolated(unsafe) private static let storage: UnsafeMutablePointer<Storage> = {
        let pointer = UnsafeMutablePointer<Storage>.allocate(capacity: 1)
        pointer.initialize(to: Storage())
        return pointer
    }()

    /// Saves `original` (the terminal before raw mode) and installs the handlers.
    static func install(original: termios) {
        let storage = storage
        storage.pointee.saved = original
        storage.pointee.armed = 1
        for (index, number) in signals.enumerated() {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { number, info, _ in
                CrashGuard.handle(number, userSent: (info?.pointee.si_code ?? 0) <= 0)
            }
            action.sa_flags = SA_SIGINFO
            sigemptyset(&action.sa_mask)
            _ = withUnsafeMutablePointer(to: &storage.pointee.previous) { tuple in
                tuple.withMemoryRebound(to: sigaction.self, capacity: 6) { sigaction(number, &action, $0 + index) }
            }
        }
    }

    /// Puts the earlier handlers back (the console left full-screen normally).
    static func uninstall() {
        let storage = storage
        storage.pointee.armed = 0
        for (index, number) in signals.enumerated() {
            _ = withUnsafeMutablePointer(to: &storage.pointee.previous) { tuple in
                tuple.withMemoryRebound(to: sigaction.self, capacity: 6) { sigaction(number, $0 + index, nil) }
            }
        }
    }

    private static func slot(_ number: Int32) -> Int {
        switch number {
        case SIGSEGV: 0
        case SIGABRT: 1
        case SIGBUS: 2
        case SIGILL: 3
        case SIGFPE: 4
        default: 5
        }
    }

    private static func handle(_ number: Int32, userSent: Bool) {
        let storage = storage
        if storage.pointee.armed != 0 {
            storage.pointee.armed = 0
            restore(storage)
        }
        let index = slot(number)
        _ = withUnsafeMutablePointer(to: &storage.pointee.previous) { tuple in
            tuple.withMemoryRebound(to: sigaction.self, capacity: 6) { sigaction(number, $0 + index, nil) }
        }
        // A fault returns to the faulting instruction, which faults again under the earlier
        // handler; a signal that was sent (abort(), kill) is sent again.
        if userSent || number == SIGABRT { raise(number) }
    }

    /// Leaves the alternate screen, shows the cursor, turns autowrap back on and restores
    /// the termios: only write(2) and tcsetattr(3).
    private static func restore(_ storage: UnsafeMutablePointer<Storage>) {
        let sequence: StaticString = "\u{1B}[0m\u{1B}[?7h\u{1B}[?25h\u{1B}[?1049l\r\n"
        _ = write(STDOUT_FILENO, sequence.utf8Start, sequence.utf8CodeUnitCount)
        _ = withUnsafeMutablePointer(to: &storage.pointee.saved) { tcsetattr(STDIN_FILENO, TCSAFLUSH, $0) }
    }
}
