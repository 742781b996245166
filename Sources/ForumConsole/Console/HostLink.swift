import ForumClient
import ForumCore
import Foundation
import Synchronization

/// A host's connection to a Forum server: says hello with the key, passes every message on,
/// and reconnects by itself (after 0.5 s, then 1 s, then every 2 s) when the connection drops.
public final class HostLink: Sendable {
    /// What happens on the link, delivered on the link's reader thread.
    public enum Event: Sendable {
        case connected
        /// A message from the server, as JSON text.
        case message(String)
        /// The connection dropped or could not be made; it will retry unless refused.
        case disconnected(String)
        /// The server refused the key: no retry.
        case refused(String)
    }

    private let url: String
    private let tls: TLSOptions
    private let key: String
    /// The role said in `hello`: host, or moderator *(addition)*.
    private let role: ClientMessage.Role
    private let onEvent: @Sendable (Event) -> Void
    private let socket = Mutex<WebSocketClient?>(nil)
    private let stopped = Atomic<Bool>(false)
    private let counter = Atomic<Int>(0)

    public init(
        url: String, key: String, tls: TLSOptions = TLSOptions(), role: ClientMessage.Role = .host,
        onEvent: @escaping @Sendable (Event) -> Void
    ) {
        self.url = url
        self.role = role
        self.tls = tls
        self.key = key
        self.onEvent = onEvent
    }

    /// Starts the reader thread (connects, reconnects).
    public func start() {
        let thread = Thread { [self] in run() }
        thread.name = "forum-host-link"
        thread.start()
    }

    /// Sends a command; returns its `ref`, or nil when not connected.
    @discardableResult
    public func send(_ command: HostCommand) -> String? {
        let ref = "h\(counter.add(1, ordering: .relaxed).newValue)"
        let text = ClientMessage.command(command).json(ref: ref).text
        let sent = socket.withLock { socket -> Bool in
            guard let socket else { return false }
            return (try? socket.send(text)) != nil
        }
        return sent ? ref : nil
    }

    /// Stops reconnecting and closes the connection.
    public func stop() {
        stopped.store(true, ordering: .releasing)
        socket.withLock { $0?.close() }
    }

    private func run() {
        var delay = 0.5
        while !stopped.load(ordering: .acquiring) {
            do {
                let client = try WebSocketClient(url: url, tls: tls)
                try client.send(ClientMessage.hello(role: role, device: nil, key: key).json().text)
                socket.withLock { $0 = client }
                try read(from: client, resetting: &delay)
            } catch {
                if stopped.load(ordering: .acquiring) { return }
                onEvent(.disconnected("\(error)"))
            }
            socket.withLock { socket in
                socket?.close()
                socket = nil
            }
            if stopped.load(ordering: .acquiring) { return }
            Thread.sleep(forTimeInterval: delay)
            delay = min(delay * 2, 2)
        }
    }

    /// Passes messages on until the connection ends. A quiet link is checked with a ping;
    /// three quiet turns in a row count as a lost connection.
    private func read(from client: WebSocketClient, resetting delay: inout Double) throws {
        var welcomed = false
        var quietTurns = 0
        while !stopped.load(ordering: .acquiring) {
            let received: String?
            do {
                received = try client.receive(timeoutSeconds: 10)
            } catch let failure as WebSocketClient.Failure where failure.description.hasPrefix("timed out") {
                quietTurns += 1
                if quietTurns >= 3 { throw failure }
                try client.send(ClientMessage.ping.json().text)
                continue
            }
            quietTurns = 0
            guard let text = received else {
                throw WebSocketClient.Failure(description: "the server closed the connection")
            }
            if !welcomed {
                let message = ServerMessage(text: text)
                if message?.errorCode == .unauthorized {
                    stopped.store(true, ordering: .releasing)
                    onEvent(.refused("the server refused the \(role == .moderator ? "moderator" : "host") key"))
                    return
                }
                if message?.type == .welcome {
                    welcomed = true
                    delay = 0.5
                    onEvent(.connected)
                }
            }
            onEvent(.message(text))
        }
    }
}
