import ForumCore
import Foundation

extension Session {
    /// Decodes and carries out one complete client message.
    func handleMessage(_ bytes: [UInt8], from id: ConnectionID) {
        let decoded: (ClientMessage, ref: String?)
        switch ClientMessageDecoder.decode(bytes) {
        case .success(let value): decoded = value
        case .failure(let error):
            sendError(to: id, error)
            return
        }
        let (message, ref) = decoded
        guard let connection = connections[id] else { return }
        if case .hello(let role, let device, let key, let stateAfterAck, let place) = message {
            guard connection.role == nil else {
                sendError(to: id, ProtocolError(.alreadyJoined, "This connection has already said hello.", ref: ref))
                return
            }
            hello(id: id, role: role, device: device, key: key, ref: ref, place: place)
            connections[id]?.stateAfterAck = stateAfterAck
            return
        }
        guard let role = connection.role else {
            sendError(to: id, ProtocolError(.notJoined, "Say hello first.", ref: ref))
            return
        }
        switch message {
        case .hello: break
        case .ping: send(ServerMessages.pong, to: id)
        case .vote(let decision, let option):
            guard role == .audience, let device = connection.device else {
                sendError(to: id, ProtocolError(.forbidden, "Only audience connections can vote.", ref: ref))
                return
            }
            voteArrivals.arrived(at: now.seconds)
            guard !overloaded else {
                // Not the phone's fault: not counted against it as errors are.
                send(
                    ServerMessages.error(
                        code: ErrorCode.overloaded.rawValue,
                        message: "Too many votes at once: please try again in a moment.",
                        ref: ref, options: nil), to: id)
                return
            }
            do {
                let record = try show.checkVote(device: device, round: decision, option: option, at: now.date)
                store(enlist(device))
                let ticket = store([.vote(record)])
                pending[ticket] = .vote(connection: id, ref: ref, record: record)
            } catch {
                sendError(to: id, ProtocolError(error.code, error.message, ref: ref))
            }
        case .perspective(let perspective):
            guard role == .audience, let device = connection.device else {
                sendError(to: id, ProtocolError(.forbidden, "Only audience connections have a perspective.", ref: ref))
                return
            }
            store(enlist(device))
            do {
                let records = try show.setPerspective(device: device, to: perspective, at: now.date)
                for record in records {
                    let ticket = store([record])
                    if case .vote(let vote) = record {
                        pending[ticket] = .recount(vote)
                    } else {
                        pending[ticket] = .perspective(connection: id, ref: ref, perspective: perspective)
                    }
                }
            } catch {
                sendError(to: id, ProtocolError(error.code, error.message, ref: ref))
            }
        case .intervene, .propose:
            voiceMessage(message, role: role, device: connection.device, ref: ref, from: id)
        case .command(let command) where role == .moderator:
            moderate(command, ref: ref, from: id)
        case .place(let place):
            setPlace(place, from: id, role: role, ref: ref)
        case .command(let command):
            guard role == .host else {
                sendError(to: id, ProtocolError(.forbidden, "Only the host can run commands.", ref: ref))
                return
            }
            if case .report(let edition) = command {
                requestReport(edition, ref: ref, from: id)
                return
            }
            if link != nil { return shareCommand(command, ref: ref, from: id) }
            do {
                let records = try show.perform(command, at: now.date)
                if records.isEmpty {
                    send(ServerMessages.commandAck(ref: ref, command: command.name), to: id)
                } else {
                    pending[store(records)] = .command(connection: id, ref: ref, name: command.name)
                }
                logger.info("host command", metadata: ["command": "\(command.name.rawValue)"])
                broadcastState()
                tellProposers(records)
            } catch {
                sendError(to: id, ProtocolError(error.code, error.message, ref: ref), options: error.options)
            }
        }
    }

    private func hello(
        id: ConnectionID, role: ClientMessage.Role, device: String?, key: String?, ref: String?, place: Place?
    ) {
        if role == .host, !admitHost(id: id, key: key, ref: ref) { return }
        if role == .moderator, !admitHost(id: id, key: key, ref: ref, moderator: true) { return }
        var token: String?
        if role == .audience {
            guard let admitted = audienceToken(id: id, offered: device, ref: ref) else { return }
            token = admitted
            connections[id]?.device = admitted
            if let place { helloPlace(place, device: admitted) }
            audienceConnected += 1
            audienceRevision &+= 1
            tallyDirty = true
        } else {
            watchers.insert(id)
        }
        connections[id]?.role = role
        let welcome = ServerMessages.welcome(
            role: role, device: token, perspective: token.flatMap { show.perspective(of: $0) }, library: show.library,
            joinURLs: joinURLs, joinQR: joinQR, place: token.flatMap { show.place(of: $0) }, remote: remoteJoin)
        send(welcome, to: id)
        sendState(to: id, device: token)
        if let token { sendOwnVoice(device: token, to: id, onlyIfAny: true) }
    }

    /// Checks a host's key, slowing guessers down per source: a source locked out after
    /// repeated wrong keys is refused without its key being compared. Returns true to let
    /// the host in; otherwise the connection has been told why and is closing.
    private func admitHost(id: ConnectionID, key: String?, ref: String?, moderator: Bool = false) -> Bool {
        // This machine (the console of forum serve, or a reverse proxy in front) is never
        // locked out: a guesser behind the proxy must not shut the host out. The proxy limits
        // its own clients (docs/recipes/nginx-forum.conf).
        let source = connections[id]?.source.flatMap { HostKeyGuard.isLoopback($0) ? nil : $0 }
        if let source, let wait = keyGuard.lockout(of: source, now: now.seconds) {
            sendError(
                to: id,
                ProtocolError(
                    .tooManyAttempts, "Too many wrong host keys: try again in \(Int(wait.rounded(.up))) seconds.",
                    ref: ref))
            close(id, reason: "host key locked out")
            return false
        }
        guard HostKey.matches(key, hostKey) || (moderator && moderatorKey.map { HostKey.matches(key, $0) } == true)
        else {
            if let source, let length = keyGuard.failed(source, now: now.seconds) {
                // Once per lockout, never the address: the host sees it in the console.
                let text =
                    "wrong host keys: \(HostKeyGuard.allowedFailures) in a row from one address, refused for "
                    + "\(Int(length)) s (\(keyGuard.lockedOut(now: now.seconds)) address(es) refused now)"
                logger.warning("\(text)")
            }
            sendError(to: id, ProtocolError(.unauthorized, "The host key is wrong.", ref: ref))
            close(id, reason: "wrong host key")
            return false
        }
        if let source { keyGuard.succeeded(source) }
        return true
    }
}
