import ForumCore
import ForumSession
import Foundation
import Logging
import Testing

/// Drives a ``Session`` with typed messages, as the IO side would: what it sends is read
/// back into ``ServerMessage`` values, what it stores waits in `storing` until `commit()`.
final class SessionRoom {
    let session = Session(
        show: Show(library: SessionDriver.library), hostKey: "k", joinURLs: [], joinQR: nil,
        logger: Logger(label: "test"))
    var seconds = 0.0
    /// The IO loop's load that the next events carry.
    var load = LoopLoad()
    var sent: [(ConnectionID, ServerMessage)] = []
    var storing: [UInt64] = []
    var devices: [ConnectionID: String] = [:]

    func apply(_ event: SessionEvent) {
        let time = SessionTime(
            date: Date(timeIntervalSince1970: 1_800_000_000 + seconds), seconds: seconds, load: load)
        for action in session.handle(event, at: time) {
            switch action {
            case .send(let id, let bytes, _):
                let message = ServerMessage(bytes: bytes)
                #expect(message != nil, "unreadable: \(String(decoding: bytes, as: UTF8.self))")
                if let message { sent.append((id, message)) }
            case .store(_, let ticket): storing.append(ticket)
            case .close, .buildReport: break
            }
        }
    }

    func say(_ id: ConnectionID, _ message: ClientMessage) {
        apply(.received(id, fragment: message.json(ref: "r").bytes, binary: false, last: true))
    }

    func commit() {
        let tickets = storing
        storing = []
        apply(.stored(committed: tickets, failed: []))
    }

    func tick() {
        seconds += 0.25
        apply(.tick)
    }

    func join(_ id: ConnectionID, _ role: ClientMessage.Role) {
        apply(.connected(id, source: nil))
        say(id, .hello(role: role, device: nil, key: role == .host ? "k" : nil, stateAfterAck: false))
        for case (id, .welcome(let welcome)) in sent { devices[id] = welcome.device }
    }

    /// The audience count in the host's latest state, after a tick.
    func hostCount() -> AudienceCount? {
        sent = []
        commit()
        tick()
        return sent.compactMap { id, message -> AudienceCount? in
            guard id == 1, case .state(let state) = message else { return nil }
            return state.audience
        }.last
    }
}
