import ForumCore
import Foundation
import Logging

/// The live protocol's rules, without a socket: the show, every connection's protocol
/// state, the votes and choices waiting for the disk.
///
/// Events go in through ``handle(_:at:)`` (a connection opened, bytes arrived, the store
/// committed, a tick, a connection closed); actions come out (send these bytes to that
/// connection, store this record with this ticket, close that connection). The IO side
/// (the lws service loop, or a test) feeds the events and carries the actions out; nothing
/// here touches a socket, a thread or the disk. Not `Sendable`: one thread drives it.
public final class Session {
    /// The show being played.
    public internal(set) var show: Show
    /// The addresses phones join with (set once the server knows its port).
    public var joinURLs: [String]
    /// *(addition)* The link people following remotely join with, and its QR code (for hosts).
    public var remoteJoin: RemoteJoin?
    let hostKey: String
    /// The moderator's own key, if one was given (the host key moderates too).
    let moderatorKey: String?
    /// Per device, kept across reconnects: ten Stops (or undos) at once, then one every 5 s.
    var stopLimits = KeyedRateLimits(capacity: 10, perSecond: 0.2, remembered: 20_000)
    /// Per device, kept across reconnects: three proposals at once, then one a minute.
    var proposalLimits = KeyedRateLimits(capacity: 3, perSecond: 1.0 / 60, remembered: 20_000)
    /// Hosts, moderators and screens need a fresh state at the next tick (stops, the queue).
    var voiceDirty = false
    let joinQR: String?
    let logger: Logger

    var connections: [ConnectionID: SessionConnection] = [:]
    /// Wrong host keys per source address (see ``HostKeyGuard``).
    var keyGuard = HostKeyGuard()
    /// New phones per source address (see ``JoinGuard``).
    var joinGuard = JoinGuard()
    /// Tokens of phones that have not voted or chosen a perspective yet (see ``NewDevices``).
    var newDevices = NewDevices()
    /// Audience messages per device token, kept across reconnects (see ``KeyedRateLimits``).
    var deviceLimits = KeyedRateLimits(capacity: 40, perSecond: 20, remembered: 20_000)
    /// Audience connections now (several tabs of one phone count once each).
    var audienceConnected = 0
    /// Changes whenever an audience connection joins or closes (see ``hostAudienceCount``).
    var audienceRevision = 0
    /// The host's audience count by perspective and place, and the revisions it was made at.
    var hostAudienceMemo: (audience: Int, devices: Int, count: AudienceCount)?
    /// Connections that said hello as a host, screen or moderator: the ones a tally goes to
    /// while phones do not see it (so a tick does not walk every phone).
    var watchers: Set<ConnectionID> = []

    /// Something a ticket is waiting for before the client hears back.
    enum PendingReply {
        case vote(connection: ConnectionID, ref: String?, record: VoteRecord)
        case perspective(connection: ConnectionID, ref: String?, perspective: String?)
        /// *(addition)* A place said or cleared, acknowledged once stored.
        case place(connection: ConnectionID, ref: String?, place: Place?)
        /// A re-recorded vote (perspective change): count it, nobody is waiting.
        case recount(VoteRecord)
        /// A host command, acknowledged once its records are stored.
        case command(connection: ConnectionID, ref: String?, name: HostCommandName)
        /// A phone's Stop or proposal, or a moderator's action: see Session+Interventions.
        case voice(VoiceReply)
    }
    var pending: [UInt64: PendingReply] = [:]
    private var nextTicket: UInt64 = 1
    /// Records handed to the store and not yet reported committed or failed.
    var storeBacklog = 0
    /// How long the oldest of them has waited. In a flood (``sheddingFloor`` votes a second
    /// or more) with the store over ``overloadLag`` seconds behind, or with the IO loop
    /// saturated (``LoopLoad/saturated``), new votes are refused (`overloaded`) instead of
    /// queued: offered more than the store or the loop can take, the show keeps acknowledging
    /// at capacity with short waits rather than slower and slower.
    var storeLag = StoreLag()
    public var overloadLag = 0.5
    /// Votes a second below which nothing is ever shed, whatever slows the machine: a slow
    /// disk or a starved CPU makes a small room's votes wait, never refused. A debug build
    /// takes several thousand votes a second; a flood that needs shedding is tens of
    /// thousands.
    public var sheddingFloor = 1_000
    var voteArrivals = VoteArrivals()

    /// Screens and hosts need a fresh tally at the next tick.
    var tallyDirty = false
    /// Whether the last states sent held the counts back (fewer than 5 voters).
    var withheldInLastState = false
    /// Store writes that failed since the start (the host is shown this).
    var storeFailures = 0
    /// The disk is failing and the store is writing the show's records again.
    var storeRetrying = false
    /// The store backlog and failures the host last saw, to tell it when the database
    /// falls behind or fails.
    var reportedBacklog = 0
    var reportedFailures = 0

    /// *(shared show)* The link to the other venues (nil: a single-machine show).
    var link: VenueLink?

    /// The event being handled's time, and the actions it produced so far.
    var now = SessionTime(date: Date(timeIntervalSince1970: 0), seconds: 0)
    var actions: [SessionAction] = []

    /// A session playing `show`. `hostKey` is the secret a host's hello must carry;
    /// `joinQR` where the join QR code is served (told to screens and hosts).
    public init(
        show: Show, hostKey: String, moderatorKey: String? = nil, joinURLs: [String], joinQR: String?, logger: Logger
    ) {
        self.show = show
        self.hostKey = hostKey
        self.moderatorKey = moderatorKey
        self.joinURLs = joinURLs
        self.joinQR = joinQR
        self.logger = logger
    }

    /// Carries out one event at `time` and returns what the IO side must do, in order.
    public func handle(_ event: SessionEvent, at time: SessionTime) -> [SessionAction] {
        now = time
        switch event {
        case .connected(let id, let source):
            connections[id] = SessionConnection(now: time.seconds, source: source)
        case .received(let id, let fragment, let binary, let last):
            receive(fragment, binary: binary, last: last, from: id)
        case .stored(let committed, let failed, let retrying):
            storeLag.settled(through: max(committed.last ?? 0, failed.last?.ticket ?? 0))
            for ticket in committed { settle(ticket, failure: nil) }
            storeFailures += failed.count
            for failure in failed { settle(failure.ticket, failure: failure.message) }
            storeTrouble(retrying, recovered: !committed.isEmpty)
        case .tick:
            tick()
        case .stageChanged(let entry, let revision): stageChanged(entry, revision: revision)
        case .stageWritten(let ticket, let result): stageWritten(ticket: ticket, result: result)
        case .venueReported(let bytes): venueReported(bytes)
        case .outbox(let stored, let behind, let reachable):
            link?.votesStored = stored
            link?.votesBehind = behind
            link?.hubReachable = reachable
        case .closed(let id):
            watchers.remove(id)
            if let connection = connections.removeValue(forKey: id), connection.role == .audience {
                audienceConnected -= 1
                audienceRevision &+= 1
                tallyDirty = true
                if let device = connection.device { newDevices.closed(device) }
            }
        }
        var out: [SessionAction] = []
        swap(&out, &actions)
        return out
    }

    // MARK: Actions

    /// Hands records to the store; returns the ticket of the last one.
    @discardableResult
    func store(_ records: [ShowRecord]) -> UInt64 {
        var ticket: UInt64 = 0
        for record in records {
            ticket = nextTicket
            nextTicket += 1
            storeBacklog += 1
            storeLag.submitted(ticket, at: now.seconds)
            actions.append(.store(record, ticket: ticket))
        }
        return ticket
    }

    /// Queues a message for one connection (none once it is closing).
    func send(_ bytes: [UInt8], to id: ConnectionID, kind: SendKind = .reply) {
        guard let connection = connections[id], !connection.closing else { return }
        actions.append(.send(id, bytes, kind))
    }

    func send(_ message: some ServerMessageBody, to id: ConnectionID, kind: SendKind = .reply) {
        send(message.bytes, to: id, kind: kind)
    }

    /// Sends an error and counts it; a client with more than 50 errors a minute is closed.
    func sendError(to id: ConnectionID, _ error: ProtocolError, options: [String]? = nil) {
        send(ServerMessages.error(code: error.code, message: error.message, ref: error.ref, options: options), to: id)
        guard var connection = connections[id] else { return }
        if now.seconds - connection.errorWindowStart > 60 {
            connection.errorWindowStart = now.seconds
            connection.recentErrors = 0
        }
        connection.recentErrors += 1
        connections[id] = connection
        if connection.recentErrors > 50 { close(id, reason: "too many errors") }
    }

    /// Closes a connection once what is queued for it has been written.
    func close(_ id: ConnectionID, reason: String) {
        guard connections[id] != nil, connections[id]?.closing == false else { return }
        logger.info("closing connection", metadata: ["connection": "\(id)", "reason": "\(reason)"])
        connections[id]?.closing = true
        actions.append(.close(id))
    }

    // MARK: Events

    /// Reassembles a message from its fragments, skipping binary and oversized ones with an
    /// error, then applies the rate limit: a flood is refused, then closed.
    private func receive(_ fragment: [UInt8], binary: Bool, last: Bool, from id: ConnectionID) {
        guard let index = connections.index(forKey: id) else { return }
        // In place: copying the connection out and back would copy its strings and buffers
        // for every message.
        let (message, allowed, refusedInARow, error) = reassemble(
            fragment, binary: binary, last: last, into: &connections.values[index])
        if let error { sendError(to: id, error) }
        guard let message else { return }
        guard allowed else {
            if refusedInARow == 1 {
                sendError(to: id, ProtocolError(.rateLimited, "Too many messages: slow down."))
            }
            if refusedInARow > 200 { close(id, reason: "flooding") }
            return
        }
        handleMessage(message, from: id)
    }

    /// Adds a fragment to the connection's message; when the message is complete, returns it
    /// with whether the rate limit lets it through. An error is for the sender.
    private func reassemble(
        _ fragment: [UInt8], binary: Bool, last: Bool, into connection: inout SessionConnection
    ) -> (message: [UInt8]?, allowed: Bool, refusedInARow: Int, error: ProtocolError?) {
        var error: ProtocolError?
        if binary, !connection.discarding {
            connection.partial = []
            connection.discarding = true
            error = ProtocolError(.badMessage, "Messages are JSON text: binary frames are not accepted.")
        }
        if !connection.discarding {
            if connection.partial.isEmpty { connection.partial = fragment } else { connection.partial += fragment }
            if connection.partial.count > ClientMessageDecoder.maximumSize {
                connection.partial = []
                connection.discarding = true
                error = ProtocolError(.tooLarge, "Messages can be at most \(ClientMessageDecoder.maximumSize) bytes.")
            }
        }
        guard last else { return (nil, false, connection.refusedInARow, error) }
        if connection.discarding {
            connection.discarding = false
            return (nil, false, connection.refusedInARow, error)
        }
        let message = connection.partial
        connection.partial = []
        let allowed = allowMessage(from: &connection)
        connection.refusedInARow = allowed ? 0 : connection.refusedInARow + 1
        return (message, allowed, connection.refusedInARow, error)
    }

    private func tick() {
        venueTick()
        // A shared show's timed vote ends through the hub (venueTick), never here alone.
        let records = link == nil ? show.closeExpiredRound(at: now.date) : []
        if !records.isEmpty {
            store(records)
            broadcastState()
        } else if tallyDirty {
            broadcastTally()
        }
        if voiceDirty {
            sendVoiceStates()
        } else if storeBacklog != reportedBacklog || storeFailures != reportedFailures {
            sendHostsState()
        }
        reportedBacklog = storeBacklog
        reportedFailures = storeFailures
    }

    private func settle(_ ticket: UInt64, failure: String?) {
        storeBacklog -= 1
        guard let reply = pending.removeValue(forKey: ticket) else { return }
        switch reply {
        case .vote(let id, let ref, let record):
            if let failure {
                logger.error("a vote could not be stored", metadata: ["error": "\(failure)"])
                sendError(
                    to: id, ProtocolError(.storageFailed, "Your vote could not be saved. Please try again.", ref: ref)
                )
                return
            }
            show.count(record)
            send(ServerMessages.voteAck(ref: ref, decision: record.roundID, option: record.optionID), to: id)
            if let connection = connections[id], connection.stateAfterAck, let device = connection.device {
                sendState(to: id, device: device)
            }
            afterCountChange()
        case .perspective(let id, let ref, let perspective):
            if failure != nil {
                sendError(
                    to: id,
                    ProtocolError(.storageFailed, "Your choice could not be saved. Please try again.", ref: ref))
                return
            }
            send(ServerMessages.perspectiveAck(ref: ref, perspective: perspective), to: id)
            tallyDirty = true  // the host's count by perspective changed
        case .place(let id, let ref, let place):
            if failure != nil {
                sendError(
                    to: id,
                    ProtocolError(.storageFailed, "Your choice could not be saved. Please try again.", ref: ref))
                return
            }
            send(ServerMessages.placeAck(ref: ref, place: place), to: id)
            tallyDirty = true  // the host's count by place changed
        case .recount(let record):
            if failure == nil {
                show.count(record)
                afterCountChange()
            }
        case .command(let id, let ref, let name):
            if let failure {
                logger.error("a host command could not be stored", metadata: ["error": "\(failure)"])
                sendError(
                    to: id,
                    ProtocolError(
                        .storageFailed, "The database could not store this command (\(failure)).", ref: ref))
                return
            }
            send(ServerMessages.commandAck(ref: ref, command: name), to: id)
        case .voice(let reply):
            settleVoice(reply, failure: failure)
        }
    }

    /// Tells every host, once, when the disk starts failing (votes are refused; the show's
    /// moves are kept and written again), and sends fresh states when it works again.
    private func storeTrouble(_ retrying: String?, recovered: Bool) {
        if let retrying, !storeRetrying {
            storeRetrying = true
            logger.error("the database cannot be written; retrying", metadata: ["error": "\(retrying)"])
            let error = ServerMessages.error(
                code: ErrorCode.storageFailed.rawValue,
                message: "The database cannot be written (\(retrying)). Votes are refused until it can; "
                    + "the show's moves are kept and written as soon as it can.",
                ref: nil, options: nil)
            for id in watchers where connections[id]?.role == .host { send(error, to: id) }
        } else if retrying == nil, recovered, storeRetrying {
            storeRetrying = false
            logger.notice("the database can be written again")
            sendHostsState()
        }
    }

    /// Live tallies go to screens and hosts at the next tick; after a reveal everybody sees
    /// the change, and so do phones seeing live results when the fewer-than-5 rule starts or
    /// stops holding back the counts (a tally alone cannot say so, and a phone that voted gets
    /// no state after its ack).
    private func afterCountChange() {
        let withheldChanged = show.audienceSeesTally && show.tooFewVotersToShow != withheldInLastState
        if show.round?.status == .revealed || withheldChanged { broadcastState() } else { tallyDirty = true }
    }
}
