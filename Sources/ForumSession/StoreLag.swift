/// How far behind the store is: when the oldest record still waiting for its commit was
/// handed over. The store reports tickets in the order it got them, so a queue of
/// (ticket, time) with a moving head is enough.
struct StoreLag {
    private var waiting: [(ticket: UInt64, seconds: Double)] = []
    private var head = 0

    /// A record handed to the store at `seconds`.
    mutating func submitted(_ ticket: UInt64, at seconds: Double) {
        waiting.append((ticket, seconds))
    }

    /// The store reported every ticket up to `ticket` (committed or failed).
    mutating func settled(through ticket: UInt64) {
        while head < waiting.count, waiting[head].ticket <= ticket { head += 1 }
        if head == waiting.count {
            waiting.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 4096, head * 2 > waiting.count {
            waiting.removeFirst(head)
            head = 0
        }
    }

    /// Seconds the oldest waiting record has waited at `now` (0 when none waits).
    func seconds(at now: Double) -> Double {
        head < waiting.count ? now - waiting[head].seconds : 0
    }
}
