/// Device tokens given to phones that have not voted or chosen a perspective yet. They are
/// not the show's devices and are not stored: a phone that only looks costs nothing on disk.
/// A token is kept while a connection holds it, and after the last one closes among the
/// ``remembered`` most recently idle, so that a phone coming back keeps its token; a phone
/// whose token was forgotten just gets a new one (it had nothing to lose). At its first vote
/// or perspective the session makes the token the show's (``Show/enlist(device:at:)``) and
/// forgets it here.
struct NewDevices {
    static let remembered = 10_000

    /// Open connections per token.
    private var held: [String: Int] = [:]
    /// Idle tokens, with the number of the moment they went idle.
    private var idle: [String: UInt64] = [:]
    /// Idle tokens oldest first (entries of tokens since reopened or forgotten are skipped).
    private var order: [(token: String, mark: UInt64)] = []
    private var head = 0
    private var marks: UInt64 = 0

    /// Tokens held now, open and idle (for tests and measurements).
    var count: Int { held.count + idle.count }
    /// Entries in the idle queue, stale ones included (for tests: it must stay bounded too).
    var queued: Int { order.count }

    func knows(_ token: String) -> Bool {
        held[token] != nil || idle[token] != nil
    }

    /// A connection took the token.
    mutating func opened(_ token: String) {
        idle[token] = nil
        held[token, default: 0] += 1
    }

    /// A connection holding the token closed.
    mutating func closed(_ token: String) {
        guard let open = held[token] else { return }
        guard open == 1 else {
            held[token] = open - 1
            return
        }
        held[token] = nil
        marks += 1
        idle[token] = marks
        order.append((token, marks))
        trim()
    }

    /// The token became the show's.
    mutating func forget(_ token: String) {
        held[token] = nil
        idle[token] = nil
    }

    private mutating func trim() {
        while idle.count > Self.remembered, head < order.count {
            let oldest = order[head]
            head += 1
            if idle[oldest.token] == oldest.mark { idle[oldest.token] = nil }
        }
        // Entries already passed (before `head`) and stale ones (tokens since reopened or
        // forgotten) are dropped once they outnumber the live ones: amortised, each entry is
        // copied at most once per doubling.
        if order.count > 2 * max(idle.count, 1024) {
            order = order[head...].filter { idle[$0.token] == $0.mark }
            head = 0
        }
    }
}
