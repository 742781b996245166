import CNats
import Foundation

/// A running watch of a key-value key (libnats's `kvWatcher`, read by `kvWatcher_Next` on a
/// dedicated thread named "forum.nats.watch", where the handler runs).
///
/// The handler gets the current value first (nil when the key has none), then every change
/// in revision order, each revision once. Across a cut the watcher's ordered consumer is
/// recreated by libnats; if libnats gives up on it, the watch opens a new watcher after
/// 250 ms, which delivers the current value again only if its revision is newer than the
/// last one handled, so a reconnect never repeats or reorders a revision (changes in between
/// that a later one replaced may be skipped: a watch is last-value). The watch ends on
/// `stop()`, on deinit, or when the connection is closed.
public final class NatsWatch: @unchecked Sendable {
    private let runner: WatchRunner

    init(store: NatsKeyValue, key: String, handler: @escaping @Sendable (NatsEntry?) -> Void) throws(NatsError) {
        let watcher = try WatchRunner.open(store: store, key: key)
        runner = WatchRunner(store: store, key: key, watcher: watcher, handler: handler)
        let thread = Thread { [runner] in runner.run() }
        thread.name = "forum.nats.watch"
        runner.started(on: thread)
    }

    deinit { runner.stop() }

    /// Ends the watch: once it returns, the handler is not called again (called from the
    /// handler itself, it returns at once and the handler is not called again after that one).
    public func stop() { runner.stop() }

    /// Whether the watch's thread still runs (false after `stop()` or once the connection is closed).
    public var isRunning: Bool { runner.isRunning }
}

/// The watch's state, shared by its thread and `stop()`.
final class WatchRunner: @unchecked Sendable {
    private let store: NatsKeyValue
    private let key: String
    private let handler: @Sendable (NatsEntry?) -> Void
    private let lock = NSLock()
    /// The open watcher; only the watch's thread replaces or destroys it (under `lock`).
    private var watcher: OpaquePointer?
    private var stopped = false
    private let finished = DispatchSemaphore(value: 0)
    private var running = true
    /// The watch's thread while it runs (set to nil at its end: the thread holds the runner).
    private var thread: Thread?

    init(store: NatsKeyValue, key: String, watcher: OpaquePointer, handler: @escaping @Sendable (NatsEntry?) -> Void) {
        self.store = store
        self.key = key
        self.watcher = watcher
        self.handler = handler
    }

    static func open(store: NatsKeyValue, key: String) throws(NatsError) -> OpaquePointer {
        var watcher: OpaquePointer?
        let status = kvStore_Watch(&watcher, store.pointer, key, nil)
        guard status == NATS_OK, let watcher else {
            throw NatsError("watch \(key) in \(store.bucket)", status: status)
        }
        return watcher
    }

    func started(on thread: Thread) {
        lock.withLock { self.thread = thread }
        thread.start()
    }

    func stop() {
        let wait: Bool = lock.withLock {
            guard !stopped else { return false }
            stopped = true
            if let watcher { kvWatcher_Stop(watcher) }
            return running && Thread.current !== thread
        }
        if wait { finished.wait() }
    }

    func run() {
        var lastRevision: UInt64 = 0
        var deliveredInitial = false
        while let current = currentWatcher() {
            var entry: OpaquePointer?
            let status = kvWatcher_Next(&entry, current, 1000)
            if status == NATS_TIMEOUT { continue }
            if status == NATS_OK {
                guard let entry else {
                    // The marker after the initial values: a key with none starts as nil.
                    if !deliveredInitial && lastRevision == 0 { handler(nil) }
                    deliveredInitial = true
                    continue
                }
                let revision = kvEntry_Revision(entry)
                if revision > lastRevision && !isStopped {
                    lastRevision = revision
                    deliveredInitial = true
                    handler(kvEntry_Operation(entry) == kvOp_Put ? NatsEntry(copying: entry) : nil)
                }
                kvEntry_Destroy(entry)
                continue
            }
            if isStopped || status == NATS_CONNECTION_CLOSED || connectionClosed { break }
            replace(current)
        }
        lock.withLock {
            if let watcher { kvWatcher_Destroy(watcher) }
            watcher = nil
            running = false
            thread = nil
        }
        finished.signal()
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    var isRunning: Bool { lock.withLock { running } }

    private var connectionClosed: Bool { store.jetStream.connection.wasClosed }

    /// The watcher to read, or nil when stopped. Reopens a replaced one, every 250 ms.
    private func currentWatcher() -> OpaquePointer? {
        while true {
            let (current, isStopped) = lock.withLock { (watcher, stopped) }
            if isStopped || (current == nil && connectionClosed) { return nil }
            if let current { return current }
            Thread.sleep(forTimeInterval: 0.25)
            guard let reopened = try? Self.open(store: store, key: key) else { continue }
            let keep = lock.withLock {
                if stopped { return false }
                watcher = reopened
                return true
            }
            if !keep {
                kvWatcher_Destroy(reopened)
                return nil
            }
        }
    }

    /// Drops a watcher libnats has given up on, so that the next read opens a new one.
    private func replace(_ broken: OpaquePointer) {
        lock.withLock {
            kvWatcher_Destroy(broken)
            watcher = nil
        }
    }
}
