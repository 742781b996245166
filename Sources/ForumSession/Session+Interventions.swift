import ForumCore
import Foundation

/// What a stored voice record answers once it is committed.
enum VoiceReply {
    case stop(connection: ConnectionID, ref: String?, toggle: StopToggle)
    case proposal(connection: ConnectionID, ref: String?, proposal: Proposal)
    /// A moderator's action (the queue changed already): acknowledged once stored.
    case moderation(connection: ConnectionID, ref: String?, name: HostCommandName, device: String)
}

extension Session {
    /// A phone's `intervene` or `propose`: checked, rate-limited per device, stored, and
    /// answered with a `voice` message (same `ref`) once committed.
    func voiceMessage(
        _ message: ClientMessage, role: ClientMessage.Role, device: String?, ref: String?, from id: ConnectionID
    ) {
        guard role == .audience, let device else {
            sendError(
                to: id, ProtocolError(.forbidden, "Only audience connections can stop a scene or propose.", ref: ref))
            return
        }
        guard !overloaded else {
            send(
                ServerMessages.error(
                    code: ErrorCode.overloaded.rawValue, message: "Too busy: please try again in a moment.", ref: ref,
                    options: nil), to: id)
            return
        }
        do throws(ShowError) {
            switch message {
            case .intervene(let on):
                let toggle = try show.checkStop(device: device, on: on, at: now.date)
                guard stopLimits.allow(device, now: now.seconds) else { return refuseFlood(id, ref: ref) }
                store(enlist(device))
                pending[store([.voice(.stop(toggle))])] = .voice(.stop(connection: id, ref: ref, toggle: toggle))
            case .propose(let text):
                guard show.voiceSettings.proposalsOpen else {
                    throw ShowError("proposals_closed", "Proposals are not open now.")
                }
                guard proposalLimits.allow(device, now: now.seconds) else { return refuseFlood(id, ref: ref) }
                let proposal = try show.checkProposal(device: device, text: text, at: now.date)
                store(enlist(device))
                pending[store([.voice(.proposed(proposal))])] = .voice(
                    .proposal(connection: id, ref: ref, proposal: proposal))
            default: break
            }
        } catch {
            sendError(to: id, ProtocolError(error.code, error.message, ref: ref))
        }
    }

    private func refuseFlood(_ id: ConnectionID, ref: String?) {
        sendError(
            to: id, ProtocolError(.tooManyInterventions, "Too many at once from this phone: wait a little.", ref: ref))
    }

    /// A moderator's command: only `approve`, `reject` and `merge`.
    func moderate(_ command: HostCommand, ref: String?, from id: ConnectionID) {
        guard HostCommand.moderatorNames.contains(command.name) else {
            sendError(
                to: id, ProtocolError(.forbidden, "A moderator can approve, reject and merge proposals.", ref: ref))
            return
        }
        do {
            let records = try show.moderate(command, by: .moderator, at: now.date)
            var device = ""
            if case .voice(.moderated(_, let proposal)) = records.last { device = proposal.device }
            pending[store(records)] = .voice(.moderation(connection: id, ref: ref, name: command.name, device: device))
            logger.info("moderation", metadata: ["command": "\(command.name.rawValue)"])
            afterVoiceChange(device: device)
        } catch {
            sendError(to: id, ProtocolError(error.code, error.message, ref: ref))
        }
    }

    /// Answers a committed (or failed) voice record.
    func settleVoice(_ reply: VoiceReply, failure: String?) {
        switch reply {
        case .stop(let id, let ref, let toggle):
            guard failure == nil else { return storageFailed(id, ref: ref) }
            show.applyStop(toggle)
            sendOwnVoice(device: toggle.device, to: id, ref: ref)
            voiceDirty = true
        case .proposal(let id, let ref, let proposal):
            guard failure == nil else { return storageFailed(id, ref: ref) }
            show.addProposal(proposal)
            sendOwnVoice(device: proposal.device, to: id, ref: ref)
            voiceDirty = true
        case .moderation(let id, let ref, let name, _):
            guard let failure else {
                send(ServerMessages.commandAck(ref: ref, command: name), to: id)
                return
            }
            sendError(
                to: id, ProtocolError(.storageFailed, "The database could not store this (\(failure)).", ref: ref))
        }
    }

    private func storageFailed(_ id: ConnectionID, ref: String?) {
        sendError(to: id, ProtocolError(.storageFailed, "That could not be saved. Please try again.", ref: ref))
    }

    /// After the queue changed: hosts, moderators and screens at the next tick, and every
    /// connection of the proposer's device now.
    func afterVoiceChange(device: String) {
        voiceDirty = true
        for (id, connection) in connections where connection.device == device && connection.role == .audience {
            sendOwnVoice(device: device, to: id)
        }
    }

    /// Sends a phone its own `voice` message (with `onlyIfAny`, only when it has a Stop or
    /// proposals to be told about).
    func sendOwnVoice(device: String, to id: ConnectionID, ref: String? = nil, onlyIfAny: Bool = false) {
        if onlyIfAny, !show.stopped(device), !show.voice.queue.proposals.contains(where: { $0.device == device }) {
            return
        }
        send(StateView.voiceMessage(of: show, device: device, ref: ref), to: id)
    }

    /// Fresh states for hosts, moderators and screens (the stop count, the queue).
    func sendVoiceStates() {
        voiceDirty = false
        for id in watchers where connections[id]?.closing == false {
            sendState(to: id, device: nil)
        }
    }
}

extension Session {
    /// After a host command: every proposer whose proposal it decided hears what became of it.
    func tellProposers(_ records: [ShowRecord]) {
        for record in records {
            if case .voice(.moderated(_, let proposal)) = record { afterVoiceChange(device: proposal.device) }
        }
    }
}
