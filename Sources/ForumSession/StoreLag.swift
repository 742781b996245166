import DequeModule

/// How far behind the store is: when the oldest record still waiting for its commit was
/// handed over. The store reports tickets in the order it got them, so a queue of
/// (ticket, time) is enough.
struct StoreLag {
    private var waiting: Deque<(ticket: UInt64, seconds: Double)> = []

    /// A record handed to the store at `seconds`.
    mutating func submitted(_ ticket: UInt64, at seconds: Double) {
        waiting.append((ticket, seconds))
    }

    /// The store reported every ticket up to `ticket` (committed or failed).
    mutating func settled(through ticket: UInt64) {
        while let oldest = waiting.first, oldest.ticket <= ticket { waiting.removeFirst() }
    }

    /// Seconds the oldest waiting record has waited at `now` (0 when none waits).
    func seconds(at now: Double) -> Double {
        waiting.first.map { now - $0.seconds } ?? 0
    }
}
