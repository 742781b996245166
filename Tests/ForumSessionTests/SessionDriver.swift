import ForumCore
import ForumSession
import Foundation
import Logging
import Testing

/// Drives a ``Session`` as the lws glue would, with no socket: connections are numbers,
/// what the session sends is collected per connection, records wait in `storing` until the
/// test commits or fails them, and the clock moves only when the test says.
final class SessionDriver {
    static let hostKey = "test-host-key"
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    let session: Session
    var seconds = 0.0
    /// The IO loop's load that the next events carry (idle unless a test says).
    var load = LoopLoad()
    /// Records handed to the store and not yet committed or failed, oldest first.
    var storing: [(record: ShowRecord, ticket: UInt64)] = []
    /// Every record the store committed, in order.
    var committed: [ShowRecord] = []
    /// Messages sent to each connection and not yet read, oldest first.
    private var inbox: [ConnectionID: [ServerMessage]] = [:]
    /// Raw bytes of every send, in order, to check that broadcasts share one encoding.
    var sends: [(ConnectionID, [UInt8], SendKind)] = []
    var closed: Set<ConnectionID> = []
    /// Reports asked for (the IO side builds them), in order.
    var reportsAsked: [(id: ConnectionID, ref: String?, edition: ReportEdition)] = []
    private var nextID: ConnectionID = 1
    /// A shared show: writes of the shared entry asked for, and reports published, in order.
    var stageWrites: [(bytes: [UInt8], expecting: UInt64, ticket: UInt64)] = []
    var venueReports: [[UInt8]] = []

    init(
        library: Library = SessionDriver.library, show: Show? = nil, moderatorKey: String? = nil,
        hostKey: String = SessionDriver.hostKey
    ) {
        session = Session(
            show: show ?? Show(library: library), hostKey: hostKey, moderatorKey: moderatorKey,
            joinURLs: ["http://192.0.2.1:8080/"],
            joinQR: "/join-qr.svg", logger: Logger(label: "test"))
    }

    var time: SessionTime { SessionTime(date: Self.t0.addingTimeInterval(seconds), seconds: seconds, load: load) }

    /// Feeds one event and records its actions.
    func apply(_ event: SessionEvent) {
        for action in session.handle(event, at: time) {
            switch action {
            case .send(let id, let bytes, let kind):
                sends.append((id, bytes, kind))
                if let message = Self.read(bytes) { inbox[id, default: []].append(message) }
            case .store(let record, let ticket): storing.append((record, ticket))
            case .close(let id): closed.insert(id)
            case .buildReport(let id, let ref, let edition): reportsAsked.append((id, ref, edition))
            case .writeStage(let bytes, let expecting, let ticket): stageWrites.append((bytes, expecting, ticket))
            case .reportVenue(let bytes): venueReports.append(bytes)
            }
        }
    }

    /// A message as the console and the bench read it: with the one JSON reader into its
    /// type, which must write back the very bytes sent (so the types and the wire cannot drift
    /// apart). Anything else is recorded as an issue and not delivered.
    static func read(_ bytes: [UInt8]) -> ServerMessage? {
        guard let message = ServerMessage(bytes: bytes), message.json.bytes == bytes else {
            Issue.record(
                "not a server message that writes back what was sent: \(String(decoding: bytes, as: UTF8.self))")
            return nil
        }
        return message
    }

    /// Opens a connection (no hello yet).
    func connect(from source: String? = nil) -> ConnectionID {
        let id = nextID
        nextID += 1
        apply(.connected(id, source: source))
        return id
    }

    /// Sends one whole text message.
    func say(_ id: ConnectionID, _ text: String) {
        apply(.received(id, fragment: Array(text.utf8), binary: false, last: true))
    }

    /// Sends one message as every client writes it (``ClientMessage/json(ref:)``).
    func say(_ id: ConnectionID, _ message: ClientMessage, ref: String? = nil) {
        say(id, message.json(ref: ref).text)
    }

    /// Connects, says hello and reads the welcome and first state.
    @discardableResult
    func join(_ role: ClientMessage.Role, device: String? = nil, key: String? = SessionDriver.hostKey) -> Joined {
        let id = connect()
        say(id, .hello(role: role, device: device, key: role == .host ? key : nil))
        let messages = take(id)
        return Joined(id: id, welcome: messages.compactMap(\.welcome).first, state: messages.compactMap(\.state).last)
    }

    /// A connection that said hello: its welcome and first state.
    struct Joined {
        var id: ConnectionID
        var welcome: WelcomeMessage!
        var state: StateMessage!
    }

    /// Commits everything waiting for the store.
    func commit() {
        let tickets = storing.map(\.ticket)
        committed += storing.map(\.record)
        storing = []
        apply(.stored(committed: tickets, failed: []))
    }

    /// Fails everything waiting for the store.
    func fail() {
        let failures = storing.map { StoreFailure(ticket: $0.ticket, message: "database or disk is full") }
        storing = []
        apply(.stored(committed: [], failed: failures))
    }

    /// The disk fails as the store writer reports it: the votes fail, the other records are
    /// kept (still in `storing`) to be written again.
    func diskFull() {
        let message = "SQLite error 13: database or disk is full"
        var failures: [StoreFailure] = []
        storing.removeAll { pending in
            guard case .vote = pending.record else { return false }
            failures.append(StoreFailure(ticket: pending.ticket, message: message))
            return true
        }
        apply(.stored(committed: [], failed: failures, retrying: message))
    }

    /// Moves the clock on and ticks.
    func tick(after interval: Double = 0.25) {
        seconds += interval
        apply(.tick)
    }

    /// Takes the messages sent to a connection since the last look.
    func take(_ id: ConnectionID) -> [ServerMessage] {
        defer { inbox[id] = [] }
        return inbox[id] ?? []
    }

    /// Sends a host command, commits what it stored and returns what answered it (the ack
    /// or error with its ref); the host's other messages stay to be read.
    @discardableResult
    func command(_ host: ConnectionID, _ command: HostCommand) -> ServerMessage? {
        let ref = "c-\(command.name.rawValue)"
        return self.command(host, raw: ClientMessage.command(command).json(ref: ref).text, ref: ref)
    }

    /// Sends a hand-written command (one no ``HostCommand`` can be), commits and returns the
    /// answer to `ref`.
    func command(_ host: ConnectionID, raw text: String, ref: String) -> ServerMessage? {
        say(host, text)
        commit()
        guard let index = inbox[host]?.firstIndex(where: { $0.ref == ref }) else { return nil }
        return inbox[host]?.remove(at: index)
    }

    /// Votes for `option` in the current round (ref "v").
    func vote(_ id: ConnectionID, _ option: String, decision: String = "D1") {
        say(id, .vote(decision: decision, option: option), ref: "v")
    }

    static let story = Story(
        id: "night", title: "A night", contentNotes: ["crisis"], start: "kitchen",
        scenes: [
            Scene(id: "kitchen", text: "Sam is <b>awake</b>.", hostNotes: "Ask the room.", next: "call"),
            Scene(
                id: "call", text: "Maya picks up the phone.",
                decision: Decision(
                    question: "Who should Maya call?",
                    options: [
                        Option(id: "police", label: "Police", next: "police"),
                        Option(id: "crisis", label: "Crisis line", next: "crisis"),
                    ])),
            Scene(id: "police", text: "Officers arrive."),
            Scene(id: "crisis", text: "A calm voice."),
        ])

    static let library = Library(
        programme: EventProgramme(
            title: "Test event", perspectives: EventProgramme.defaultPerspectives,
            sessions: [ProgrammeSession(id: "morning", title: "Morning", stories: ["night"])]),
        stories: [story])
}

/// The typed parts of a message that the session's tests look at most.
extension ServerMessage {
    var welcome: WelcomeMessage? { if case .welcome(let body) = self { body } else { nil } }
    var state: StateMessage? { if case .state(let body) = self { body } else { nil } }
    var tally: TallyMessage? { if case .tally(let body) = self { body } else { nil } }
    var voice: VoiceMessage? { if case .voice(let body) = self { body } else { nil } }
    var decision: StateMessage.DecisionRef? { state?.decision }
    var sceneID: String? { state?.scene?.id }
    /// The phone's own vote in the state's round (nil: none, or not said).
    var myVote: String? { decision?.myVote ?? nil }
    var status: StateMessage.DecisionStatus? { decision?.status }
    /// A member of the wire form, for checks of what is sent at all (a member left out,
    /// a JSON `null`) that the typed messages do not tell apart.
    subscript(key: String) -> JSONValue? { json[key] }
}
