import Foundation

/// The room's voice in the state each role sees *(addition)*: phones learn whether
/// proposals are open, the projector what the host chose to show (never who wrote a
/// proposal), the host and the moderator the stop count and the whole queue.
extension StateView {
    /// A decision's option; the audience's own carry `"from": "audience"`.
    static func optionRef(_ option: Option) -> StateMessage.OptionRef {
        StateMessage.OptionRef(id: option.id, label: option.label, fromAudience: AudienceOption.isAudience(option.id))
    }

    /// The `room` member of a state.
    static func room(of show: Show, for role: ClientMessage.Role) -> StateMessage.Room {
        let settings = show.voiceSettings
        var room = StateMessage.Room(visit: settings.visit, proposalsOpen: settings.proposalsOpen)
        switch role {
        case .audience:
            break
        case .screen:
            room.screen = StateMessage.Room.ScreenPart(
                stops: settings.stopsShown ? show.stopCount : nil,
                proposals: settings.proposalsShown
                    ? show.approvedHere.map {
                        StateMessage.Room.ShownProposal(
                            id: $0.id, text: $0.text, sameIdea: show.voice.queue.mergedCount(into: $0.id))
                    } : nil)
        case .host, .moderator:
            room.staff = StateMessage.Room.StaffPart(
                stops: show.stopCount, acknowledged: settings.acknowledged, stopsShown: settings.stopsShown,
                proposalsShown: settings.proposalsShown, queue: queue(of: show))
        }
        return room
    }

    /// The proposals the host and the moderator see: every pending one, and the latest
    /// ``queueTail`` decided ones, oldest first. No device token.
    static func queue(of show: Show) -> [StateMessage.Room.QueuedProposal] {
        let proposals = show.voice.queue.proposals
        let decided = proposals.indices.filter { proposals[$0].status != .pending }.suffix(queueTail)
        let kept = Set(decided)
        return proposals.indices.filter { proposals[$0].status == .pending || kept.contains($0) }.map { index in
            let proposal = proposals[index]
            return StateMessage.Room.QueuedProposal(
                id: proposal.id, text: proposal.text, status: proposal.status, mergedInto: proposal.mergedInto,
                option: proposal.optionID, run: proposal.runID, scene: proposal.sceneID,
                sameIdea: show.voice.queue.mergedCount(into: proposal.id), at: proposal.at)
        }
    }

    /// How many decided proposals the queue keeps showing.
    static let queueTail = 100

    /// The `voice` message a phone gets about itself: its Stop in this visit and what became
    /// of its proposals (newest last).
    public static func voiceMessage(of show: Show, device: String, ref: String? = nil) -> VoiceMessage {
        let mine = show.voice.queue.proposals.filter { $0.device == device }.suffix(20)
        return VoiceMessage(
            ref: ref, visit: show.voiceSettings.visit, stop: show.stopped(device),
            proposals: mine.map {
                VoiceMessage.OwnProposal(id: $0.id, text: $0.text, status: $0.status, option: $0.optionID)
            })
    }
}
