import Foundation

/// The room's voice in the state each role sees *(addition)*: phones learn whether
/// proposals are open, the projector what the host chose to show (never who wrote a
/// proposal), the host and the moderator the stop count and the whole queue.
extension StateView {
    /// A decision's option; the audience's own carry `"from": "audience"`.
    static func optionJSON(_ option: Option) -> JSONValue {
        var fields: [(String, JSONValue)] = [("id", .string(option.id)), ("label", .string(option.label))]
        if AudienceOption.isAudience(option.id) { fields.append(("from", "audience")) }
        return .object(fields)
    }

    /// The `room` member of a state.
    static func voiceJSON(of show: Show, for role: ClientMessage.Role) -> JSONValue {
        let settings = show.voiceSettings
        var fields: [(String, JSONValue)] = [
            ("visit", .int(settings.visit)), ("proposals_open", .bool(settings.proposalsOpen)),
        ]
        switch role {
        case .audience:
            break
        case .screen:
            fields.append(("stops", settings.stopsShown ? .int(show.stopCount) : .null))
            fields.append(
                (
                    "proposals",
                    settings.proposalsShown
                        ? .array(
                            show.approvedHere.map {
                                .object([
                                    ("id", .string($0.id)), ("text", .string($0.text)),
                                    ("same_idea", .int(show.voice.queue.mergedCount(into: $0.id))),
                                ])
                            }) : .null
                ))
        case .host, .moderator:
            fields += [
                ("stops", .int(show.stopCount)), ("acknowledged", settings.acknowledged.map { .int($0) } ?? .null),
                ("stops_shown", .bool(settings.stopsShown)), ("proposals_shown", .bool(settings.proposalsShown)),
                ("queue", .array(queueJSON(of: show))),
            ]
        }
        return .object(fields)
    }

    /// The proposals the host and the moderator see: every pending one, and the latest
    /// ``queueTail`` decided ones, oldest first. No device token.
    static func queueJSON(of show: Show) -> [JSONValue] {
        let proposals = show.voice.queue.proposals
        let decided = proposals.indices.filter { proposals[$0].status != .pending }.suffix(queueTail)
        let kept = Set(decided)
        return proposals.indices.filter { proposals[$0].status == .pending || kept.contains($0) }.map { index in
            let proposal = proposals[index]
            return .object([
                ("id", .string(proposal.id)), ("text", .string(proposal.text)),
                ("status", .string(proposal.status.rawValue)), ("merged_into", .string(proposal.mergedInto)),
                ("option", .string(proposal.optionID)), ("run", .string(proposal.runID)),
                ("scene", .string(proposal.sceneID)),
                ("same_idea", .int(show.voice.queue.mergedCount(into: proposal.id))),
                ("at", .string(ISOTime.string(proposal.at))),
            ])
        }
    }

    /// How many decided proposals the queue keeps showing.
    static let queueTail = 100

    /// The `voice` message a phone gets about itself: its Stop in this visit and what became
    /// of its proposals (newest last).
    public static func voiceMessage(of show: Show, device: String, ref: String? = nil) -> JSONValue {
        let mine = show.voice.queue.proposals.filter { $0.device == device }.suffix(20)
        return .object([
            ("type", "voice"), ("ref", .string(ref)), ("visit", .int(show.voiceSettings.visit)),
            ("stop", .bool(show.stopped(device))),
            (
                "proposals",
                .array(
                    mine.map {
                        .object([
                            ("id", .string($0.id)), ("text", .string($0.text)), ("status", .string($0.status.rawValue)),
                            ("option", .string($0.optionID)),
                        ])
                    })
            ),
        ])
    }
}
