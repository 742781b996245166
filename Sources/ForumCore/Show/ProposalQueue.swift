import Foundation

/// The audience's proposals, in the order they were sent, and the rules of moderation:
/// pending → approved or rejected (a moderator may change their mind until a proposal is put
/// to the vote), merged into another proposal that is not itself merged, adopted (put to the
/// vote) only once approved. Pure: the show stores what it returns.
public struct ProposalQueue: Sendable, Equatable {
    /// Every proposal, oldest first.
    public private(set) var proposals: [Proposal] = []
    /// Proposal numbers handed out so far (also to proposals still waiting for the disk), so
    /// ids never repeat.
    public private(set) var issued = 0

    /// An empty queue, or one resumed from the store (`issued` at least the highest number).
    public init(proposals: [Proposal] = []) {
        self.proposals = proposals
        issued = proposals.compactMap { Int($0.id.dropFirst()) }.max() ?? 0
    }

    /// The proposal with this id.
    public func proposal(_ id: String) -> Proposal? {
        proposals.first { $0.id == id }
    }

    /// The next free id (`P1`, `P2`, …), reserved.
    mutating func reserveID() -> String {
        issued += 1
        return "P\(issued)"
    }

    /// Adds a proposal once it is stored.
    mutating func add(_ proposal: Proposal) {
        guard self.proposal(proposal.id) == nil else { return }
        proposals.append(proposal)
    }

    /// Puts a proposal as it now is (after moderation) in place of the old one.
    mutating func replace(_ proposal: Proposal) {
        guard let index = proposals.firstIndex(where: { $0.id == proposal.id }) else { return }
        proposals[index] = proposal
    }

    /// The proposal as `action` leaves it, or why it cannot: `approve`, `reject`,
    /// `merge` (with `into`), `adopt` (with the option id in `into`).
    func moderated(_ id: String, action: String, into: String? = nil) throws(ShowError) -> Proposal {
        guard var proposal = proposal(id) else {
            throw ShowError("unknown_proposal", "There is no proposal '\(id.prefix(40))'.")
        }
        if proposal.optionID != nil, action != "adopt" {
            throw ShowError("proposal_state", "\(id) has been put to the vote: it can no longer change.")
        }
        switch action {
        case "approve", "reject":
            guard proposal.status != .merged else {
                throw ShowError("proposal_state", "\(id) was merged into \(proposal.mergedInto ?? "another").")
            }
            proposal.status = action == "approve" ? .approved : .rejected
        case "merge":
            guard let into, into != id else {
                throw ShowError("proposal_state", "A proposal can only be merged into another one.")
            }
            guard let target = self.proposal(into) else {
                throw ShowError("unknown_proposal", "There is no proposal '\(into.prefix(40))'.")
            }
            guard target.status == .pending || target.status == .approved else {
                throw ShowError(
                    "proposal_state", "\(into) is \(target.status.rawValue): merge into a pending or approved one.")
            }
            guard proposal.status != .merged else {
                throw ShowError("proposal_state", "\(id) was merged already.")
            }
            proposal.status = .merged
            proposal.mergedInto = into
        case "adopt":
            guard proposal.status == .approved else {
                throw ShowError(
                    "proposal_state",
                    "Only an approved proposal can be put to the vote: \(id) is \(proposal.status.rawValue).")
            }
            proposal.optionID = into
        default:
            throw ShowError("unknown_command", "Unknown moderation '\(action.prefix(40))'.")
        }
        return proposal
    }

    /// How many proposals were merged into `id` (the people who had the same idea, less one).
    public func mergedCount(into id: String) -> Int {
        proposals.count { $0.status == .merged && $0.mergedInto == id }
    }
}

/// The text of a proposal: one line of plain text, at most ``Show/proposalLimit`` characters.
public enum ProposalText {
    /// `text` cleaned: control characters and bidirectional overrides removed, line breaks
    /// and runs of spaces made one space, trimmed. Nil when nothing is left.
    public static func cleaned(_ text: String) -> String? {
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = true
        for scalar in ControlCharacters.cleaned(text).unicodeScalars {
            if (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) { continue }
            let space = scalar.properties.isWhitespace
            if space {
                if !lastWasSpace { scalars.append(" ") }
            } else {
                scalars.append(scalar)
            }
            lastWasSpace = space
        }
        let result = String(scalars).trimmingCharacters(in: .whitespaces)
        return result.isEmpty ? nil : result
    }
}
