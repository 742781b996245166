import ForumCore

/// What the bench knows of one phone: how far it has joined, the last state it was sent,
/// and its share of the server's rate limit.
struct Phone {
    /// When the phone started connecting, and when it had both welcome and state (0: not yet).
    var connectStarted: UInt64 = 0
    var joined: UInt64 = 0
    var welcomed = false
    var device: String?
    var scene: String?
    var round: String?
    var status: StateMessage.DecisionStatus?
    var myVote: String?
    /// When the state of the scene being fanned out arrived (0: not yet).
    var fanOutArrived: UInt64 = 0
    var bucket: TokenBucket
    /// Votes this phone sent in the current round.
    var votesInRound = 0
    /// The venue (pool endpoint) this phone is at: 0 with one server.
    var venue = 0

    init(now: UInt64, venue: Int = 0) {
        connectStarted = now
        self.venue = venue
        bucket = TokenBucket(now: now)
    }
}

/// A vote sent and not yet acknowledged.
struct PendingVote {
    var phone: Int
    var sent: UInt64
    var round: String
    var option: String
}
