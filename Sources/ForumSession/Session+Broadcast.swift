import ForumCore
import Foundation

extension Session {
    /// Phones connected and devices whose vote counts.
    var audienceCount: AudienceCount {
        AudienceCount(connected: audienceConnected + phonesElsewhere, voted: show.tally?.total ?? 0)
    }

    /// The host's count: also the phones connected by perspective and by place. Counting
    /// walks every phone, so the breakdown is kept until a phone joins or leaves or a
    /// device's perspective or place changes; only `voted` is read fresh.
    var hostAudienceCount: AudienceCount {
        var count: AudienceCount
        if let memo = hostAudienceMemo, memo.audience == audienceRevision, memo.devices == show.deviceRevision {
            count = memo.count
        } else {
            let devices = connections.values.compactMap { $0.role == .audience ? $0.device : nil }
            count = AudienceCount.forHost(connected: audienceConnected, voted: 0, devices: devices, in: show)
            hostAudienceMemo = (audienceRevision, show.deviceRevision, count)
        }
        count.voted = show.tally?.total ?? 0
        count.connected = audienceConnected + phonesElsewhere
        return count
    }

    /// The audience count a role sees (none for phones).
    func audienceCount(for role: ClientMessage.Role) -> AudienceCount? {
        switch role {
        case .audience: nil
        case .screen, .moderator: audienceCount
        case .host: hostAudienceCount
        }
    }

    /// How the database keeps up: records handed to the writer and not yet committed, and
    /// writes that failed since the start. Only the host sees it.
    var storeHealth: StoreHealth {
        StoreHealth(pending: storeBacklog, failed: storeFailures)
    }

    /// Sends the whole current state to one connection.
    func sendState(to id: ConnectionID, device: String?) {
        guard let role = connections[id]?.role else { return }
        var state = StateView.state(
            of: show, for: role, device: device, audience: audienceCount(for: role),
            store: role == .host ? storeHealth : nil, now: now.date)
        if role == .host || role == .moderator { state.venues = venueStatuses }
        send(state, to: id, kind: .state)
    }

    /// Sends the current state to everyone. Audience states differ only in `my_vote`, so
    /// each distinct vote is encoded once however many phones share it.
    func broadcastState() {
        let date = now.date
        withheldInLastState = show.tooFewVotersToShow
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
                    bytes = StateView.state(of: show, for: .audience, device: connection.device, now: date).bytes
                    audienceStates[vote] = bytes
                }
            } else if let cached = roleStates[role] {
                bytes = cached
            } else {
                var state = StateView.state(
                    of: show, for: role, audience: audienceCount(for: role), store: role == .host ? storeHealth : nil,
                    now: date)
                if role == .host || role == .moderator { state.venues = venueStatuses }
                bytes = state.bytes
                roleStates[role] = bytes
            }
            send(bytes, to: id, kind: .state)
        }
        tallyDirty = false
    }

    /// Sends screens and hosts the fresh tally (or, with no round, a fresh state with the
    /// audience count), and phones too while they see results live. Called at most once per
    /// tick.
    func broadcastTally() {
        tallyDirty = false
        let phonesToo = show.audienceSeesTally
        var messages: [ClientMessage.Role: [UInt8]] = [:]
        let receivers = phonesToo ? Array(connections.keys) : Array(watchers)
        for id in receivers {
            guard let connection = connections[id], let role = connection.role, !connection.closing,
                role != .audience || phonesToo
            else { continue }
            if messages[role] == nil {
                if let tally = StateView.tallyMessage(
                    of: show, for: role, audience: audienceCount(for: role) ?? audienceCount,
                    store: role == .host ? storeHealth : nil)
                {
                    messages[role] = tally.bytes
                } else if role == .audience {
                    // Counts kept from the room while fewer than 5 have voted: phones wait
                    // for the first tally they may see (a state each would cost every phone).
                    continue
                } else {
                    sendState(to: id, device: nil)
                    continue
                }
            }
            send(messages[role]!, to: id, kind: .tally)
        }
    }

    /// Sends hosts a fresh state (for the store's health when nothing else changed).
    func sendHostsState() {
        for id in watchers {
            guard let connection = connections[id], connection.role == .host, !connection.closing else { continue }
            sendState(to: id, device: nil)
        }
    }
}
