import ForumCore

/// What the session knows of one connection's protocol state: its role and device once it
/// has said hello, the message still arriving, its rate limit and its error count. The
/// socket and the outbox belong to the IO side.
struct SessionConnection {
    var role: ClientMessage.Role?
    var device: String?
    /// The fragments of a message still arriving.
    var partial: [UInt8] = []
    /// True while the rest of an oversized or binary message is being skipped.
    var discarding = false
    var limiter: RateLimiter
    /// Errors sent in the current minute, and when that minute started.
    var recentErrors = 0
    var errorWindowStart: Double
    /// Messages refused by the rate limiter since the last one let through.
    var refusedInARow = 0
    /// False when the client said (`state_after_ack: false`) that a vote's ack is enough.
    var stateAfterAck = true
    /// Asked to close: nothing more is sent to it.
    var closing = false
    /// The peer's address, for the host-key guard only.
    var source: String?

    init(now: Double, source: String? = nil) {
        self.source = source
        self.limiter = RateLimiter(now: now)
        self.errorWindowStart = now
    }
}
