import CLibWebSockets
import ForumCore

extension ServiceLoop {
    /// Phones connected and devices whose vote counts.
    var audienceCount: AudienceCount {
        AudienceCount(connected: audienceConnected, voted: show.tally?.total ?? 0)
    }

    /// Sends the whole current state to one connection.
    func sendState(to id: UInt64, device: String?) {
        guard let role = connections[id]?.role else { return }
        let state = StateView.state(
            of: show, for: role, device: device, audience: role == .audience ? nil : audienceCount)
        send(state, to: id, kind: .state)
    }

    /// Sends the current state to everyone. Audience states differ only in `my_vote`, so
    /// each distinct vote is encoded once however many phones share it.
    func broadcastState() {
        var audienceStates: [String?: [UInt8]] = [:]
        var roleStates: [ClientMessage.Role: [UInt8]] = [:]
        for (id, connection) in connections {
            guard let role = connection.role, !connection.closing else { continue }
            let bytes: [UInt8]
            if role == .audience {
                let vote = connection.device.flatMap { show.vote(of: $0) }
                if let cached = audienceStates[vote] {
                    bytes = cached
                } else {
                    bytes = StateView.state(of: show, for: .audience, device: connection.device).bytes
                    audienceStates[vote] = bytes
                }
            } else if let cached = roleStates[role] {
                bytes = cached
            } else {
                bytes = StateView.state(of: show, for: role, audience: audienceCount).bytes
                roleStates[role] = bytes
            }
            send(bytes, to: id, kind: .state)
        }
        tallyDirty = false
    }

    /// Sends screens and hosts the fresh tally (or, with no round, a fresh state with the
    /// audience count). Called at most once per tick.
    func broadcastTally() {
        tallyDirty = false
        var messages: [ClientMessage.Role: [UInt8]] = [:]
        for (id, connection) in connections where connection.role == .screen || connection.role == .host {
            guard let role = connection.role else { continue }
            if messages[role] == nil {
                if let tally = StateView.tallyMessage(of: show, for: role, audience: audienceCount) {
                    messages[role] = tally.bytes
                } else {
                    sendState(to: id, device: nil)
                    continue
                }
            }
            send(messages[role]!, to: id, kind: .tally)
        }
    }
}
