import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Where other threads leave things for the console's thread: link events from the
/// reader thread, signals from dispatch sources, server warnings from the logger. Each post
/// writes a byte to a pipe, so the console's poll(2) wakes up.
final class Inbox: Sendable {
    enum Item: Sendable {
        case link(HostLink.Event)
        case signal(Int32)
        case serverWarning(String)
        case stop(ConsoleOutcome)
    }

    private let items = Mutex<[Item]>([])
    private let readEnd: Int32
    private let writeEnd: Int32

    init() {
        var ends: [Int32] = [0, 0]
        if pipe(&ends) != 0 { ends = [-1, -1] }
        for end in ends where end >= 0 { _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK) }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// The descriptor to poll for POLLIN.
    var descriptor: Int32 { readEnd }

    /// Leaves an item and wakes the console (never blocks).
    func post(_ item: Item) {
        items.withLock { $0.append(item) }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Everything posted since the last call, in order.
    func drain() -> [Item] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while buffer.withUnsafeMutableBytes({ read(readEnd, $0.baseAddress, $0.count) }) > 0 {}
        return items.withLock { items in
            defer { items = [] }
            return items
        }
    }
}
