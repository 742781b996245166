import Dispatch
import ForumCore
import Foundation
import Synchronization

/// The store's writer thread: group commit of ``ShowRecord``s.
///
/// ``submit(_:ticket:)`` only appends to a queue under a lock and wakes the thread; it never
/// waits for the disk. The thread takes everything queued since its last commit (up to
/// `maxBatchSize` records), writes it in one transaction, commits (one fsync with
/// `synchronous = FULL`), then reports the batch's tickets through `onCommit`, on the writer
/// thread, in submission order. Under load, batches grow by themselves: one fsync then covers
/// every vote that arrived during the previous one. While records stream in, the thread also
/// waits 1 ms for more before taking a short queue (see `gatherWhileStreaming`); a record
/// that comes alone is taken at once.
///
/// A record the database refuses is reported failed alone (see
/// ``ForumDatabase/writeBatch(_:)``); later records and batches go on. When the disk fails
/// (full, I/O error), the batch's votes are reported failed (their voters can vote again) and
/// its other records (*(addition)* other venues' votes, ``ShowRecord/remoteVotes(_:)``,
/// among them: nobody would cast those again) are kept at the head of the queue, in order,
/// and written again after a pause (0.1 s, doubling to 2 s) until the disk takes them: the
/// show's rounds and scenes
/// reach the database once it recovers, with no restart. Each such report carries
/// `retrying`. The thread is a
/// dedicated `Thread`, not a `Task`: it blocks on the disk, and the cooperative pool is small.
/// Call ``close()`` to drain and stop it: until then the thread keeps the writer alive.
public final class StoreWriter: Sendable {
    private struct Pending: Sendable {
        var record: ShowRecord
        var ticket: UInt64
    }

    private struct State: Sendable {
        var queue: [Pending] = []
        /// Records taken by the thread and not yet reported.
        var inFlight = 0
        /// The thread has been signalled and has not yet taken the queue.
        var wakeupPending = false
        var closing = false
    }

    private let database: ForumDatabase
    private let maxBatchSize: Int
    private let onCommit: @Sendable (StoreCommit) -> Void
    private let state = Mutex(State())
    private let wakeup = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)

    /// Starts the writer thread on `database`.
    ///
    /// - Parameters:
    ///   - maxBatchSize: the most records written in one transaction; a longer queue is
    ///     committed in several transactions, so early tickets are reported sooner.
    ///   - onCommit: called on the writer thread after each commit, before the next batch
    ///     is taken. Keep it short: post to a mailbox.
    public init(
        database: ForumDatabase, maxBatchSize: Int = 10_000,
        onCommit: @escaping @Sendable (StoreCommit) -> Void
    ) {
        precondition(maxBatchSize > 0, "maxBatchSize must be positive")
        self.database = database
        self.maxBatchSize = maxBatchSize
        self.onCommit = onCommit
        let thread = Thread { [self] in run() }
        thread.name = "forum-store-writer"
        thread.qualityOfService = .userInitiated
        thread.start()
    }

    /// Queues `record`; `ticket` comes back in a ``StoreCommit`` once it is stored (or failed).
    /// Never blocks on the disk. After ``close()`` the ticket is reported failed at once, on
    /// the caller's thread.
    public func submit(_ record: ShowRecord, ticket: UInt64) {
        let (accepted, mustSignal) = state.withLock { state -> (Bool, Bool) in
            guard !state.closing else { return (false, false) }
            state.queue.append(Pending(record: record, ticket: ticket))
            guard !state.wakeupPending else { return (true, false) }
            state.wakeupPending = true
            return (true, true)
        }
        if mustSignal { wakeup.signal() }
        if !accepted {
            onCommit(StoreCommit(committed: [], failed: [.init(ticket: ticket, message: "the store writer is closed")]))
        }
    }

    /// Records submitted and not yet reported (queued, or in the transaction being written).
    public var backlog: Int {
        state.withLock { $0.queue.count + $0.inFlight }
    }

    /// Writes and reports everything already submitted, then stops the thread. Blocks until
    /// done. Later calls return at once. Never call it from `onCommit` (the writer thread).
    public func close() {
        state.withLock { $0.closing = true }
        wakeup.signal()
        finished.wait()
        finished.signal()  // lets any other or later close() return too
    }

    private func run() {
        var pause = 0.0
        var lastCommit = ContinuousClock.now - .seconds(1)
        while true {
            wakeup.wait()
            while true {
                gatherWhileStreaming(since: lastCommit)
                let (batch, closing) = takeBatch()
                if batch.isEmpty {
                    if closing {
                        finished.signal()
                        return
                    }
                    break
                }
                if commit(batch, mayRetry: !closing) {
                    lastCommit = .now
                    pause = 0
                } else {
                    pause = min(2, max(0.1, pause * 2))
                    Thread.sleep(forTimeInterval: pause)
                }
            }
        }
    }

    /// While records stream in (the last commit ended under 2 ms ago) and few are queued,
    /// waits 1 ms before taking them: one commit then covers more records, and each of its
    /// index pages is written to the WAL once for all of them instead of once a record.
    /// Records that come one by one, and a queue already long, are taken at once.
    private func gatherWhileStreaming(since lastCommit: ContinuousClock.Instant) {
        guard ContinuousClock.now - lastCommit < .milliseconds(2) else { return }
        guard state.withLock({ $0.queue.count < 64 && !$0.closing }) else { return }
        Thread.sleep(forTimeInterval: 0.001)
    }

    private func takeBatch() -> (batch: [Pending], closing: Bool) {
        state.withLock { state in
            state.wakeupPending = false
            var batch: [Pending]
            if state.queue.count <= maxBatchSize {
                batch = []
                swap(&batch, &state.queue)
            } else {
                batch = Array(state.queue.prefix(maxBatchSize))
                state.queue.removeFirst(maxBatchSize)
            }
            state.inFlight = batch.count
            return (batch, state.closing)
        }
    }

    /// Writes one batch and reports it; returns false when the disk failed and records were
    /// put back to be written again.
    private func commit(_ batch: [Pending], mayRetry: Bool) -> Bool {
        let (failures, transient) = database.writeBatchOutcome(batch.map(\.record))
        if transient, mayRetry, let message = failures.values.first {
            var kept: [Pending] = []
            var report = StoreCommit(committed: [], retrying: message)
            for pending in batch {
                if case .vote = pending.record {
                    report.failed.append(.init(ticket: pending.ticket, message: message))
                } else {
                    kept.append(pending)
                }
            }
            state.withLock { state in
                state.queue.insert(contentsOf: kept, at: 0)
                state.inFlight = 0
            }
            onCommit(report)
            return false
        }
        var report = StoreCommit(committed: [])
        report.committed.reserveCapacity(batch.count - failures.count)
        for (index, pending) in batch.enumerated() {
            if let message = failures[index] {
                report.failed.append(.init(ticket: pending.ticket, message: message))
            } else {
                report.committed.append(pending.ticket)
            }
        }
        onCommit(report)
        state.withLock { $0.inFlight = 0 }
        return true
    }
}
