import ForumCore

extension ConsoleVoice {
    /// One proposal of the staff's queue as the proposals screen (`m`) lists it: its text and
    /// ids sanitized for the terminal.
    public struct Item: Sendable, Equatable {
        public var id: String
        public var text: String
        public var status: ProposalStatus
        /// The proposal it was merged into (status merged).
        public var mergedInto: String?
        /// The option it became once put to the vote.
        public var option: String?
        /// The scene it was sent in.
        public var scene: String?
        /// How many were merged into it.
        public var sameIdea: Int

        /// Reads one queued proposal, sanitizing everything the terminal shows.
        init(_ proposal: StateMessage.Room.QueuedProposal) {
            id = TextWidth.sanitize(proposal.id)
            text = TextWidth.sanitize(proposal.text)
            status = proposal.status
            mergedInto = proposal.mergedInto.map(TextWidth.sanitize)
            option = proposal.option.map(TextWidth.sanitize)
            scene = proposal.scene.map(TextWidth.sanitize)
            sameIdea = proposal.sameIdea
        }
    }

    /// The proposals screen's list: this scene's proposals and, from earlier scenes, those
    /// still waiting, approved and not yet in a vote (they can still be adopted) or in this
    /// scene's vote (`options`), in the queue's order (oldest first). Without a scene, the
    /// whole queue.
    public func listed(scene: String?, options: Set<String> = []) -> [Item] {
        guard let scene = scene.map(TextWidth.sanitize) else { return queue }
        return queue.filter {
            $0.scene == nil || $0.scene == scene || $0.status == .pending
                || ($0.status == .approved && ($0.option.map(options.contains) ?? true))
        }
    }
}

extension ConsoleState {
    /// Where the proposals screen (`m`) is: the selected proposal (by id, so that the list
    /// may change under it) and, while merging, the duplicate being merged.
    public struct ProposalCursor: Sendable, Equatable {
        public var selected: String?
        /// `d` pressed on this proposal: the selection now chooses the one it duplicates.
        public var merging: String?

        public init(selected: String? = nil, merging: String? = nil) {
            self.selected = selected
            self.merging = merging
        }
    }
}
