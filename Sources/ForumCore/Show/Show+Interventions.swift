import Foundation

/// The room's voice as the show holds it between stores: the devices that tapped Stop in
/// the scene visit on now, and the proposal queue. The settings (visit, open, shown) are in
/// the snapshot (``VoiceSettings``).
public struct RoomVoice: Sendable, Equatable {
    /// Devices whose Stop counts in this visit.
    public internal(set) var stops: Set<String> = []
    /// Every proposal of the day.
    public internal(set) var queue = ProposalQueue()

    /// Nothing yet.
    public init() {}
}

extension Show {
    /// The longest proposal accepted, in characters.
    public static let proposalLimit = 280

    /// The host's choices about the room's voice.
    public var voiceSettings: VoiceSettings { snapshot.voice }

    /// How many people want to step in, in the scene visit on now: at every venue of a
    /// shared show (this venue's own are ``localStopCount``).
    public var stopCount: Int {
        voice.stops.count + (elsewhere.isEmpty ? 0 : elsewhere.stops(in: snapshot.voice.visit))
    }

    /// How many people at this venue want to step in, in the scene visit on now.
    public var localStopCount: Int { voice.stops.count }

    /// True when this device's Stop counts now.
    public func stopped(_ device: String) -> Bool { voice.stops.contains(device) }

    /// The options of the current round: the staff's, then the audience's (``AudienceOption``).
    public var roundOptions: [Option] {
        (scene?.decision?.options ?? []) + (snapshot.run?.audienceOptions ?? [])
    }

    /// One of ``roundOptions``.
    public func roundOption(_ id: String) -> Option? {
        roundOptions.first { $0.id == id }
    }

    /// The approved proposals of the scene on now, oldest first (what the projector may show).
    public var approvedHere: [Proposal] {
        guard let run = snapshot.run else { return [] }
        return voice.queue.proposals.filter {
            $0.status == .approved && $0.runID == run.runID && $0.sceneID == run.sceneID
        }
    }

    /// Checks a Stop (or its undoing): the record to store, applied with ``applyStop(_:)``
    /// once stored. Only while a scene is on.
    public func checkStop(device: String, on: Bool, at time: Date) throws(ShowError) -> StopToggle {
        guard let run = snapshot.run else { throw ShowError("no_story", "No story is running.") }
        guard let sceneID = run.sceneID else { throw ShowError("at_ending", "The story is over.") }
        return StopToggle(
            visit: snapshot.voice.visit, runID: run.runID, sceneID: sceneID, device: device, on: on, at: time)
    }

    /// Counts a stored Stop, unless the room has moved on since.
    public mutating func applyStop(_ toggle: StopToggle) {
        guard toggle.visit == snapshot.voice.visit else { return }
        if toggle.on { voice.stops.insert(toggle.device) } else { voice.stops.remove(toggle.device) }
    }

    /// Checks a proposal: its text cleaned and 1 to ``proposalLimit`` characters, proposals
    /// open. Reserves its id; add it with ``addProposal(_:)`` once stored.
    public mutating func checkProposal(device: String, text: String, at time: Date) throws(ShowError) -> Proposal {
        guard snapshot.voice.proposalsOpen else {
            throw ShowError("proposals_closed", "Proposals are not open now.")
        }
        guard let cleaned = ProposalText.cleaned(text) else {
            throw ShowError("bad_message", "A proposal needs some text.")
        }
        guard cleaned.count <= Self.proposalLimit else {
            throw ShowError("bad_message", "A proposal is at most \(Self.proposalLimit) characters.")
        }
        let run = snapshot.run
        return Proposal(
            id: voice.queue.reserveID(), visit: snapshot.voice.visit, runID: run?.runID, sceneID: run?.sceneID,
            roundID: run?.round?.roundID, device: device, text: cleaned, at: time)
    }

    /// Adds a stored proposal to the queue.
    public mutating func addProposal(_ proposal: Proposal) {
        voice.queue.add(proposal)
    }

    /// Approves, rejects or merges a proposal (`approve`, `reject`, `merge`); other commands
    /// are refused. Returns the record to store (the queue has changed).
    public mutating func moderate(_ command: HostCommand, by role: ModeratorRole, at time: Date) throws(ShowError)
        -> [ShowRecord]
    {
        let id: String
        var into: String?
        switch command {
        case .approve(let proposal), .reject(let proposal): id = proposal
        case .merge(let proposal, let target):
            id = proposal
            into = target
        default: throw ShowError("forbidden", "A moderator can approve, reject and merge proposals.")
        }
        let changed = try voice.queue.moderated(id, action: command.name.rawValue, into: into)
        voice.queue.replace(changed)
        let entry = ModerationEntry(action: command.name.rawValue, proposalID: id, target: into, by: role, at: time)
        return [.voice(.moderated(entry, changed))]
    }

    /// The host's commands about the room's voice other than moderation and `adopt`.
    mutating func applyVoice(_ command: HostCommand, at time: Date) throws(ShowError) -> [ShowRecord] {
        switch command {
        case .acknowledge:
            guard let run = snapshot.run else { throw ShowError("no_story", "No story is running.") }
            snapshot.voice.acknowledged = stopCount
            return [
                .voice(
                    .acknowledged(
                        visit: snapshot.voice.visit, runID: run.runID, sceneID: run.sceneID, count: stopCount, at: time)
                )
            ]
        case .stops(let on):
            guard snapshot.run?.sceneID != nil else { throw ShowError("no_story", "No scene is on.") }
            snapshot.voice.stopsShown = on
        case .proposals(let on):
            guard snapshot.run?.sceneID != nil else { throw ShowError("no_story", "No scene is on.") }
            snapshot.voice.proposalsOpen = on
        case .showProposals(let on):
            guard snapshot.run?.sceneID != nil else { throw ShowError("no_story", "No scene is on.") }
            snapshot.voice.proposalsShown = on
        case .approve, .reject, .merge:
            return try moderate(command, by: .host, at: time)
        default: break
        }
        return []
    }

    /// The option an approved proposal becomes, checked: the scene on now has a decision and
    /// the proposal is approved and not yet an option of this scene.
    func audienceOption(adopting id: String) throws(ShowError) -> Option {
        guard scene?.decision != nil else {
            throw ShowError("no_decision", "This scene has no decision: a proposal joins a decision's options.")
        }
        guard let proposal = voice.queue.proposal(id) else {
            throw ShowError("unknown_proposal", "There is no proposal '\(id.prefix(40))'.")
        }
        let optionID = AudienceOption.id(for: proposal.id)
        guard !(snapshot.run?.audienceOptions ?? []).contains(where: { $0.id == optionID }) else {
            throw ShowError("proposal_state", "\(id) is an option of this vote already.")
        }
        _ = try voice.queue.moderated(id, action: "adopt", into: optionID)
        return Option(id: optionID, label: proposal.text)
    }

    /// Adds an audience option to the next round of this scene, after the options `carried`
    /// from the round replayed; returns the moderation record.
    mutating func adopt(_ option: Option, proposal id: String, carrying carried: [Option], at time: Date)
        throws(ShowError) -> [ShowRecord]
    {
        let changed = try voice.queue.moderated(id, action: "adopt", into: option.id)
        voice.queue.replace(changed)
        snapshot.run?.audienceOptions = carried + [option]
        let entry = ModerationEntry(action: "adopt", proposalID: id, target: option.id, by: .host, at: time)
        return [.voice(.moderated(entry, changed))]
    }

    /// After a host command: a new scene visit (the room moved, or the scene is played
    /// again) clears the stops and closes and hides the room's voice.
    mutating func settleVoice(after command: HostCommand, from before: Show) {
        let moved =
            before.snapshot.run?.runID != snapshot.run?.runID || before.snapshot.run?.sceneID != snapshot.run?.sceneID
        var replayed = before.round != nil && round == nil
        if case .replay = command { replayed = true }
        guard moved || replayed else { return }
        snapshot.voice = VoiceSettings(visit: snapshot.voice.visit + 1)
        voice.stops = []
    }

    /// Puts back what the store kept: the stops of the visit on now and every proposal.
    public mutating func resumeVoice(stops: [String], proposals: [Proposal]) {
        voice.stops = Set(stops)
        voice.queue = ProposalQueue(proposals: proposals)
    }
}
