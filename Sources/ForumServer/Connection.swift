import DequeModule
import ForumSession

/// What the lws glue keeps of one WebSocket connection: its wsi and the messages waiting
/// for a write slot. Kept in place (a class in the loop's table, never copied out and back);
/// lws's per-session memory holds only the id. The protocol state lives elsewhere: the
/// show's in the ``Session``, the studio's in ``StudioLoop``'s receivers. Both servers use it.
final class Connection {
    let wsi: OpaquePointer
    /// Messages waiting for a WRITEABLE callback, oldest first (a ring buffer: taking the
    /// first moves nothing).
    private var outbox: Deque<(kind: SendKind, bytes: [UInt8])> = []
    /// Close once the outbox is written (after `unauthorized`, or when misbehaving).
    var closing = false
    /// Keep-alive (see ``KeepAlive``): when the peer was last heard (seconds of the loop's
    /// clock), this connection's own delay, whether it was pinged since, and whether a ping
    /// waits for the next write slot.
    var lastHeard: Double
    let jitter: Double
    var pinged = false
    var wantsPing = false

    /// The most messages kept for a slow phone before it is disconnected.
    static let outboxLimit = 256

    init(wsi: OpaquePointer, now: Double, jitter: Double) {
        self.wsi = wsi
        self.lastHeard = now
        self.jitter = jitter
    }

    /// The peer said something (a message or a pong).
    func heard(at now: Double) {
        lastHeard = now
        pinged = false
    }

    /// Messages still waiting.
    var hasMore: Bool { !outbox.isEmpty }

    /// Queues a message; a state or tally replaces an unsent one of the same kind so a
    /// slow phone only ever gets the newest. Returns false when the outbox is full.
    func enqueue(_ bytes: [UInt8], kind: SendKind) -> Bool {
        if kind != .reply, let index = outbox.lastIndex(where: { $0.kind == kind }) {
            outbox.remove(at: index)
        }
        guard outbox.count < Self.outboxLimit else { return false }
        outbox.append((kind, bytes))
        return true
    }

    /// The next message to write, or nil when the outbox is empty.
    func takeNext() -> [UInt8]? {
        outbox.popFirst()?.bytes
    }

    /// Drops everything queued.
    func clear() {
        outbox.removeAll()
    }
}
