extension Session {
    /// Whether a new vote or voice message is refused (`overloaded`) now: only in a flood
    /// (``sheddingFloor`` votes a second or more), and only while the store is over
    /// ``overloadLag`` seconds behind or the IO loop is saturated. Below the floor a slow disk
    /// or a starved CPU only makes answers wait.
    var overloaded: Bool {
        guard voteArrivals.perSecond(at: now.seconds) >= sheddingFloor else { return false }
        return storeLag.seconds(at: now.seconds) > overloadLag || now.load.saturated
    }
}
