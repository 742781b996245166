import ForumCore
import ForumSession

/// What the studio's service thread knows of one WebSocket connection: its fragments, its
/// outbox and its rate limit. Lives in the studio loop's dictionary (lws's per-session memory
/// holds only the id). The live show's connections are ``Connection``, shaped by its session.
struct StudioConnection {
    /// The kinds of message an outbox coalesces: only the newest state or tally matters.
    enum Kind: Equatable {
        case reply
        case state
        case tally
    }

    let id: UInt64
    let wsi: OpaquePointer
    var role: ClientMessage.Role?
    var device: String?
    /// Messages waiting for a WRITEABLE callback, oldest first.
    var outbox: [(kind: Kind, bytes: [UInt8])] = []
    /// The fragments of a message still arriving.
    var partial: [UInt8] = []
    /// True while the rest of an oversized message is being skipped.
    var discarding = false
    var limiter: RateLimiter
    /// Errors sent in the current minute, and when that minute started.
    var recentErrors = 0
    var errorWindowStart: Double
    /// Messages refused by the rate limiter since the last one let through.
    var refusedInARow = 0
    /// Close once the outbox is written (after `unauthorized`, or when misbehaving).
    var closing = false

    /// The most messages kept for a slow phone before it is disconnected.
    static let outboxLimit = 256

    init(id: UInt64, wsi: OpaquePointer, now: Double) {
        self.id = id
        self.wsi = wsi
        self.limiter = RateLimiter(now: now)
        self.errorWindowStart = now
    }

    /// Queues a message; a state or tally replaces an unsent one of the same kind so a
    /// slow phone only ever gets the newest. Returns false when the outbox is full.
    mutating func enqueue(_ bytes: [UInt8], kind: Kind) -> Bool {
        if kind != .reply, let index = outbox.lastIndex(where: { $0.kind == kind }) {
            outbox.remove(at: index)
        }
        guard outbox.count < Self.outboxLimit else { return false }
        outbox.append((kind, bytes))
        return true
    }
}
