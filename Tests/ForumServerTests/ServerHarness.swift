import ForumClient
import ForumCore
import ForumServer
import ForumStore
import Foundation

/// A real Forum server on a free port with a real SQLite file in a temporary folder.
final class ServerHarness {
    static let hostKey = "test-host-key"
    let folder: URL
    let databasePath: String
    private(set) var server: ForumServer
    private(set) var database: ForumDatabase
    /// The report builder handed to the server (nil: a server with no report).
    let buildReport: (@Sendable (ReportEdition) throws -> String)?

    init(library: Library = ServerHarness.library, buildReport: (@Sendable (ReportEdition) throws -> String)? = nil)
        throws
    {
        self.buildReport = buildReport
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("forum-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let web = folder.appendingPathComponent("web")
        try FileManager.default.createDirectory(at: web, withIntermediateDirectories: true)
        try "<!doctype html><title>Forum test</title>".write(
            to: web.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        try "<!doctype html><title>Screen</title>".write(
            to: web.appendingPathComponent("screen.html"), atomically: true, encoding: .utf8)
        databasePath = folder.appendingPathComponent("forum.sqlite").path
        database = try ForumDatabase(path: databasePath)
        server = try Self.startServer(
            folder: folder, library: library, database: database, port: 0, buildReport: buildReport)
    }

    var url: String { "ws://127.0.0.1:\(server.port)/ws" }

    static func startServer(
        folder: URL, library: Library, database: ForumDatabase, port: Int,
        buildReport: (@Sendable (ReportEdition) throws -> String)? = nil
    ) throws -> ForumServer {
        var configuration = ServerConfiguration(
            port: port, webRoot: folder.appendingPathComponent("web").path, hostKey: hostKey,
            joinURLs: ["http://192.0.2.1:\(port)/"])
        configuration.buildReport = buildReport
        return try ForumServer.start(configuration: configuration, library: library, database: database)
    }

    /// Stops the server and starts a new one on the same database and port.
    func restart(library: Library = ServerHarness.library) throws {
        let port = server.port
        server.stop()
        server.wait()
        database.close()  // as forum serve does when it stops
        database = try ForumDatabase(path: databasePath)
        server = try Self.startServer(
            folder: folder, library: library, database: database, port: port, buildReport: buildReport)
    }

    func stop() {
        server.stop()
        server.wait()
    }

    deinit {
        server.stop()
        server.wait()
        try? FileManager.default.removeItem(at: folder)
    }

    /// A connected client that has said hello and read its welcome and first state.
    func join(_ role: ClientMessage.Role, device: String? = nil, key: String? = ServerHarness.hostKey) throws
        -> TestClient
    {
        let client = try TestClient(url: url)
        try client.send(.hello(role: role, device: device, key: role == .host ? key : nil))
        _ = try client.next(type: .welcome)
        _ = try client.next(type: .state)
        return client
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

/// A WebSocket client for tests that speaks the typed protocol: it sends ``ClientMessage``
/// values and reads ``ServerMessage`` values, as the console and forum-bench do.
final class TestClient {
    let socket: WebSocketClient
    /// The welcome, once read.
    var welcome: WelcomeMessage!
    /// The latest state read.
    var state: StateMessage!
    private var counter = 0

    init(url: String) throws {
        socket = try WebSocketClient(url: url)
    }

    deinit { socket.close() }

    /// Sends a message as every client writes it (``ClientMessage/json(ref:)``).
    func send(_ message: ClientMessage, ref: String? = nil) throws {
        try socket.send(message.json(ref: ref).text)
    }

    /// Sends hand-written text: bytes no ``ClientMessage`` can be, to test the server's errors.
    func sendRaw(_ text: String) throws {
        try socket.send(text)
    }

    /// The next message of any type.
    func next(timeout: Double = 5) throws -> ServerMessage {
        guard let text = try socket.receive(timeoutSeconds: timeout) else {
            throw WebSocketClient.Failure(description: "closed by the server")
        }
        let message = try ServerMessageCheck.decode(text)
        switch message {
        case .welcome(let typed): welcome = typed
        case .state(let typed): state = typed
        default: break
        }
        return message
    }

    /// Skips messages until one of this type arrives.
    func next(type: ServerMessageType, timeout: Double = 5) throws -> ServerMessage {
        while true {
            let message = try next(timeout: timeout)
            if message.type == type { return message }
        }
    }

    /// Skips messages until one of this kind arrives: `next(TallyMessage.self)`.
    func next<Body: ServerMessageBody>(_ kind: Body.Type, timeout: Double = 5) throws -> Body {
        let message = try next(type: Body.type, timeout: timeout)
        guard let body = Body(json: message.json) else {
            throw WebSocketClient.Failure(description: "not a \(Body.type): \(message.json.text)")
        }
        return body
    }

    /// Reads until a state for which `condition` holds (states coalesce: a slow reader may
    /// only see the newest, so tests wait for content, never count states).
    @discardableResult
    func state(where condition: (TestClient) -> Bool, timeout: Double = 5) throws -> StateMessage {
        if state != nil, condition(self) { return state }
        let deadline = Date().addingTimeInterval(timeout)
        while deadline.timeIntervalSinceNow > 0 {
            let message = try next(timeout: deadline.timeIntervalSinceNow)
            if case .state(let typed) = message, condition(self) { return typed }
        }
        throw WebSocketClient.Failure(description: "no state matched in time")
    }

    /// Sends a host command and returns the ack or error that answers it.
    @discardableResult
    func command(_ command: HostCommand) throws -> ServerMessage {
        counter += 1
        let ref = "c\(counter)"
        try send(.command(command), ref: ref)
        return try reply(to: ref)
    }

    /// Sends a hand-written command (one no ``HostCommand`` can be) and returns the answer to `ref`.
    func command(raw text: String, ref: String) throws -> ServerMessage {
        try sendRaw(text)
        return try reply(to: ref)
    }

    /// Votes and returns the ack or error.
    @discardableResult
    func vote(_ option: String, decision: String? = nil) throws -> ServerMessage {
        counter += 1
        let ref = "v\(counter)"
        try send(.vote(decision: decision ?? decisionID ?? "", option: option), ref: ref)
        return try reply(to: ref)
    }

    /// Skips messages until the ack or error carrying `ref`.
    func reply(to ref: String) throws -> ServerMessage {
        while true {
            let message = try next()
            if message.type == .ack || message.type == .error, message.ref == ref { return message }
        }
    }

    var device: String? { welcome?.device }
    var decision: StateMessage.DecisionRef? { state?.decision }
    var status: StateMessage.DecisionStatus? { decision?.status }
    /// The phone's own vote in this round (nil: none, or not said).
    var myVote: String? { decision?.myVote ?? nil }
    var decisionID: String? { decision?.roundID }
    var sceneID: String? { state?.scene?.id }
}

/// Every message a test reads is read as the console and the bench read it: with the one
/// JSON reader into its type, and that type must write back the very bytes the server sent
/// (so the types and the wire cannot drift apart).
enum ServerMessageCheck {
    static func decode(_ text: String) throws -> ServerMessage {
        guard let message = ServerMessage(text: text) else {
            throw WebSocketClient.Failure(description: "not a server message this build reads: \(text)")
        }
        guard message.json.text == text else {
            throw WebSocketClient.Failure(
                description:
                    "the message's type does not write back what the server sent: \(text) vs \(message.json.text)")
        }
        return message
    }
}
