/// When to ping a silent connection and when to give up on it, with a jitter per
/// connection so that a room that falls silent together is not pinged together.
///
/// lws 4.1.6 keeps every connection's keep-alive timer in one sorted list and walks it to
/// reschedule each one: 10,000 phones pinged in the same second stalled the service thread
/// for about 5 s. The server therefore switches lws's keep-alive off and asks this type, at
/// each tick, what each connection needs.
public struct KeepAlive: Sendable, Equatable {
    /// What a connection needs now.
    public enum Step: Sendable, Equatable {
        case wait
        case ping
        case hangUp
    }

    /// Seconds of silence before the first ping (before the jitter), and before hanging up.
    public var pingAfter: Double
    public var hangUpAfter: Double

    /// The schedule for `pingAfter` and `hangUpAfter` seconds.
    public init(pingAfter: Double, hangUpAfter: Double) {
        self.pingAfter = pingAfter
        self.hangUpAfter = max(hangUpAfter, pingAfter)
    }

    /// A connection's own delay on top of `pingAfter`: up to half of it, from `random` in
    /// [0, 1), so the pings of a room spread over that much time.
    public func jitter(_ random: Double) -> Double {
        pingAfter * 0.5 * min(max(random, 0), 1)
    }

    /// What a connection silent for `silent` seconds needs, given its `jitter` and whether
    /// it was already pinged since it was last heard.
    public func step(silent: Double, jitter: Double, pinged: Bool) -> Step {
        if silent >= hangUpAfter + jitter { return .hangUp }
        if !pinged, silent >= pingAfter + jitter { return .ping }
        return .wait
    }
}
