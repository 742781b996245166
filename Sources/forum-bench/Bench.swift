import ForumCore

/// The bench's driver: the phones and the host on one ``ConnectionPool``, what each was last
/// told, and the votes in flight. Phases (join, fan-out, bursts, sustained) are extensions;
/// everything runs on the calling thread.
final class Bench {
    let pool: ConnectionPool
    let hostKey: String
    /// Pool connection 0 is the host; phone `i` is connection `i + 1`.
    var phones: [Phone] = []
    var host = HostView()
    /// Votes sent and not yet acknowledged, by the number in their `ref`.
    var pendingVotes: [Int: PendingVote] = [:]
    private var nextVoteRef = 1
    /// Send-to-ack milliseconds of the votes acknowledged since the collector was reset.
    var voteLatencies: [Double] = []
    /// When each of those votes was sent, in the same order.
    var voteSendTimes: [UInt64] = []
    /// When the most recent ack arrived.
    var lastAck: UInt64 = 0
    /// Send-to-state milliseconds of the phones that joined.
    var joinLatencies: [Double] = []
    var joinedCount = 0
    /// The scene being fanned out, the time the host asked for it, and arrivals so far.
    var fanOutTarget: String?
    var fanOutStart: UInt64 = 0
    var fanOutArrivals: [Double] = []
    /// Everything that went wrong; any entry fails the run.
    var failures: [String] = []
    /// `--accept-overloaded`: votes refused as `overloaded` are counted here, not failures.
    var acceptOverloaded = false
    var overloadedVotes = 0
    /// Set while the bench closes its own connections.
    var closing = false
    /// The server's CPU time so far, in seconds (0 when it cannot be read).
    var serverCPUSeconds: () -> Double = { 0 }
    /// Venues the phones are spread over, round-robin (pool endpoints; the host is at the first).
    let venueCount: Int
    /// Votes acknowledged at each venue over the whole run.
    var ackedPerVenue: [Int]
    /// When the most recent ack arrived at each venue.
    var lastAckPerVenue: [UInt64]

    init(pool: ConnectionPool, hostKey: String, venues: Int = 1) {
        self.pool = pool
        self.hostKey = hostKey
        venueCount = venues
        ackedPerVenue = Array(repeating: 0, count: venues)
        lastAckPerVenue = Array(repeating: 0, count: venues)
        pool.handler = { [unowned self] index, event, now in self.handle(index, event, at: now) }
    }

    /// Throws the first failure recorded so far, if any.
    func checkFailures() throws(BenchFailure) {
        guard failures.isEmpty else {
            let more = failures.count > 1 ? " (and \(failures.count - 1) more)" : ""
            throw BenchFailure(failures[0] + more)
        }
    }

    /// Turns the loop until `condition` holds, failing fast on any recorded failure.
    func run(
        until condition: () -> Bool, timeoutSeconds: Double, waitingFor what: @autoclosure () -> String
    ) throws(BenchFailure) {
        try pool.run(until: { !failures.isEmpty || condition() }, timeoutSeconds: timeoutSeconds, waitingFor: what())
        try checkFailures()
    }

    // MARK: Sending

    /// A vote ready to send: its phone, round, option and encoded message.
    struct PreparedVote {
        var phone: Int
        var round: String
        var option: String
        var ref: Int
        var bytes: [UInt8]
    }

    /// Encodes a phone's vote without sending it (a burst is encoded before it is sent).
    func prepareVote(phone: Int, round: String, option: String) -> PreparedVote {
        let ref = nextVoteRef
        nextVoteRef += 1
        let message = ClientMessage.vote(decision: round, option: option).json(ref: "v\(ref)")
        return PreparedVote(phone: phone, round: round, option: option, ref: ref, bytes: message.bytes)
    }

    /// Sends a prepared vote now, checking it against the server's rate limit first.
    func send(_ vote: PreparedVote) {
        let now = Clock.now()
        if !phones[vote.phone].bucket.take(now: now) {
            failures.append("phone \(vote.phone) would go over the server's rate limit: the bench is too fast")
        }
        pendingVotes[vote.ref] = PendingVote(phone: vote.phone, sent: now, round: vote.round, option: vote.option)
        phones[vote.phone].votesInRound += 1
        pool.send(vote.phone + 1, vote.bytes)
    }

    /// Sends a phone's vote now.
    func vote(phone: Int, round: String, option: String) {
        send(prepareVote(phone: phone, round: round, option: option))
    }

    /// Opens one more phone connection, at the next venue round-robin; it says hello once the
    /// handshake is done.
    func openPhone() throws(BenchFailure) {
        let now = Clock.now()
        let venue = phones.count % venueCount
        phones.append(Phone(now: now, venue: venue))
        let index = try pool.open(endpoint: venue)
        precondition(index == phones.count, "the host must be connection 0")
    }

    // MARK: Receiving

    private func handle(_ index: Int, _ event: BenchSocket.Event, at now: UInt64) {
        switch event {
        case .opened:
            if index == 0 {
                sendHostHello()
            } else {
                _ = phones[index - 1].bucket.take(now: now)
                // As the phone page does: the ack is enough, no state after it.
                pool.send(
                    index,
                    ClientMessage.hello(role: .audience, device: nil, key: nil, stateAfterAck: false).json().bytes)
            }
        case .message(let bytes):
            guard let message = ServerMessage(bytes: bytes) else {
                failures.append(
                    "connection \(index) got a message that is not one of the protocol's: \(String(decoding: bytes, as: UTF8.self))"
                )
                return
            }
            if index == 0 {
                host.receive(message, failures: &failures)
            } else {
                receive(phone: index - 1, message: message, at: now)
            }
        case .closed(let reason):
            if !closing {
                failures.append("\(index == 0 ? "the host" : "phone \(index - 1)") lost its connection: \(reason)")
            }
        }
    }

    private func sendHostHello() {
        pool.send(0, ClientMessage.hello(role: .host, device: nil, key: hostKey).json().bytes)
    }

    private func receive(phone index: Int, message: ServerMessage, at now: UInt64) {
        switch message {
        case .welcome(let welcome):
            phones[index].welcomed = true
            phones[index].device = welcome.device
        case .state(let state):
            receiveState(phone: index, state: state, at: now)
        case .ack(let ack):
            guard let ref = ack.ref, ref.hasPrefix("v"), let number = Int(ref.dropFirst()),
                let pending = pendingVotes.removeValue(forKey: number)
            else { return }
            guard case .vote(let decision, let option) = ack.subject, decision == pending.round,
                option == pending.option
            else {
                failures.append(
                    "phone \(index) voted \(pending.option) in \(pending.round) but the ack says \(ack.json.text)")
                return
            }
            if phones[index].round == decision { phones[index].myVote = option }
            voteLatencies.append(Clock.milliseconds(from: pending.sent, to: now))
            voteSendTimes.append(pending.sent)
            lastAck = max(lastAck, now)
            ackedPerVenue[phones[index].venue] += 1
            lastAckPerVenue[phones[index].venue] = max(lastAckPerVenue[phones[index].venue], now)
        case .error(let error):
            if acceptOverloaded, error.errorCode == .overloaded, let ref = error.ref, ref.hasPrefix("v"),
                let number = Int(ref.dropFirst()), pendingVotes.removeValue(forKey: number) != nil
            {
                overloadedVotes += 1
                return
            }
            failures.append(
                "phone \(index) got error \(error.code): \(error.message) (ref \(error.ref ?? "none"))")
        case .tally, .pong, .voice, .report:
            break
        }
    }

    private func receiveState(phone index: Int, state: StateMessage, at now: UInt64) {
        phones[index].scene = state.scene?.id
        phones[index].round = state.decision?.roundID
        phones[index].status = state.decision?.status
        phones[index].myVote = state.decision?.myVote ?? nil
        if phones[index].joined == 0, phones[index].welcomed {
            phones[index].joined = now
            joinedCount += 1
            joinLatencies.append(Clock.milliseconds(from: phones[index].connectStarted, to: now))
        }
        if let target = fanOutTarget, phones[index].fanOutArrived == 0, phones[index].scene == target {
            phones[index].fanOutArrived = now
            fanOutArrivals.append(Clock.milliseconds(from: fanOutStart, to: now))
        }
    }
}
