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
        client.welcome = try client.next(type: "welcome")
        client.state = try client.next(type: "state")
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

/// A WebSocket client that speaks JSON objects, for tests.
final class TestClient {
    let socket: WebSocketClient
    var welcome: [String: Any] = [:]
    var state: [String: Any] = [:]
    /// The latest state, as its type reads it.
    var lastState: StateMessage?
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
    func next(timeout: Double = 5) throws -> [String: Any] {
        guard let text = try socket.receive(timeoutSeconds: timeout) else {
            throw WebSocketClient.Failure(description: "closed by the server")
        }
        let message = try ServerMessageCheck.decode(text)
        guard let object = message.json.foundationObject as? [String: Any] else {
            throw WebSocketClient.Failure(description: "not a JSON object: \(text)")
        }
        if case .state(let typed) = message {
            state = object
            lastState = typed
        }
        return object
    }

    /// Skips messages until one of this type arrives.
    func next(type: String, timeout: Double = 5) throws -> [String: Any] {
        while true {
            let message = try next(timeout: timeout)
            if message["type"] as? String == type { return message }
        }
    }

    /// Reads until a state for which `condition` holds (states coalesce: a slow reader may
    /// only see the newest, so tests wait for content, never count states).
    @discardableResult
    func state(where condition: (TestClient) -> Bool, timeout: Double = 5) throws -> [String: Any] {
        if condition(self) { return state }
        let deadline = Date().addingTimeInterval(timeout)
        while deadline.timeIntervalSinceNow > 0 {
            let message = try next(timeout: deadline.timeIntervalSinceNow)
            if message["type"] as? String == "state", condition(self) { return message }
        }
        throw WebSocketClient.Failure(description: "no state matched in time")
    }

    /// Sends a host command and returns the ack or error that answers it.
    @discardableResult
    func command(_ command: HostCommand) throws -> [String: Any] {
        counter += 1
        let ref = "c\(counter)"
        try send(.command(command), ref: ref)
        return try reply(to: ref)
    }

    /// Sends a hand-written command (one no ``HostCommand`` can be) and returns the answer to `ref`.
    func command(raw text: String, ref: String) throws -> [String: Any] {
        try sendRaw(text)
        return try reply(to: ref)
    }

    /// Votes and returns the ack or error.
    @discardableResult
    func vote(_ option: String, decision: String? = nil) throws -> [String: Any] {
        counter += 1
        let ref = "v\(counter)"
        let round = decision ?? ((state["decision"] as? [String: Any])?["id"] as? String ?? "")
        try send(.vote(decision: round, option: option), ref: ref)
        return try reply(to: ref)
    }

    /// Skips messages until the ack or error carrying `ref`.
    func reply(to ref: String) throws -> [String: Any] {
        while true {
            let message = try next()
            let type = message["type"] as? String
            if (type == "ack" || type == "error"), message["ref"] as? String == ref { return message }
        }
    }

    var device: String? { welcome["device"] as? String }
    var decision: [String: Any]? { state["decision"] as? [String: Any] }
    var status: String? { decision?["status"] as? String }
    var myVote: String? { decision?["my_vote"] as? String }
    var decisionID: String? { (state["decision"] as? [String: Any])?["id"] as? String }
    var sceneID: String? { (state["scene"] as? [String: Any])?["id"] as? String }
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
