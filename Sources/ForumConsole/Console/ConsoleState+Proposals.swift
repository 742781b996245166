import Foundation

extension ConsoleState {
    /// The proposals the screen lists now (this scene's, and any still to decide or adopt from before).
    public var listedProposals: [ConsoleVoice.Item] {
        voice.listed(scene: view.sceneID, options: Set(view.options.map(\.id)))
    }

    /// `m`: opens the proposals screen on the oldest waiting proposal (else the newest).
    mutating func openProposals() {
        let items = listedProposals
        let first = items.first { $0.status == .pending } ?? items.last
        mode = .proposals(ProposalCursor(selected: first?.id))
    }

    /// A key on the proposals screen: ↑↓ select, `y` approve, `x` reject, `d` merge (then
    /// choose the one it duplicates and Enter), `a` adopt, `m`/Esc/`q` back to the show.
    /// Every action is the host command of the same name, acknowledged once stored.
    mutating func pressProposals(_ key: Key, cursor: ProposalCursor, now: Date) -> [ConsoleEffect] {
        notice = nil
        var cursor = cursor
        let items = listedProposals
        if !items.contains(where: { $0.id == cursor.selected }), cursor.merging == nil {
            // Nothing selected yet (a moderator's console opens here before the queue comes),
            // or the selection left the list: select the oldest waiting before acting.
            cursor.selected = (items.first { $0.status == .pending } ?? items.last)?.id
            if [.up, .down, .pageUp, .pageDown].contains(key) {
                mode = .proposals(cursor)
                return []
            }
        }
        let index = items.firstIndex { $0.id == cursor.selected }
        func move(_ step: Int) {
            guard !items.isEmpty else { return }
            let next = min(items.count - 1, max(0, (index ?? (step > 0 ? -1 : items.count)) + step))
            cursor.selected = items[next].id
        }
        defer { if case .proposals = mode { mode = .proposals(cursor) } }
        switch key {
        case .up: move(-1)
        case .down: move(1)
        case .pageUp: move(-5)
        case .pageDown: move(5)
        case .escape where cursor.merging != nil:
            cursor.merging = nil
            notice = Notice(kind: .info, text: "Merge cancelled: nothing was changed.", until: now + 3)
        case .interrupt:
            // As on the show: `forum host` leaves at once, `forum serve` asks.
            if role == .remote { return [.finish(.quit(stopShow: false))] }
            mode = .quit
        case .escape, .character("m"), .character("q"): mode = .normal
        case .enter where cursor.merging != nil, .character("d") where cursor.merging != nil:
            guard let duplicate = cursor.merging, let original = cursor.selected, original != duplicate else {
                notice = Notice(kind: .refused, text: "Choose another proposal: the one it duplicates.", until: nil)
                return []
            }
            cursor.merging = nil
            return [.send(.merge(proposal: duplicate, into: original))]
        case .character(let character) where cursor.merging == nil:
            guard let selected = cursor.selected, index != nil else {
                if "yxda".contains(character) {
                    notice = Notice(kind: .info, text: "No proposal to act on yet.", until: now + 4)
                } else {
                    notice = Notice(kind: .info, text: "No key '\(character)' here: m goes back.", until: now + 4)
                }
                return []
            }
            switch character {
            case "y": return [.send(.approve(proposal: selected))]
            case "x": return [.send(.reject(proposal: selected))]
            case "a":
                guard !isModerator else {
                    notice = Notice(kind: .refused, text: "Only the host can put a proposal to the vote.", until: nil)
                    return []
                }
                return [.send(.adopt(proposal: selected))]
            case "d":
                cursor.merging = selected
                move(index == 0 ? 1 : -1)
            default:
                notice = Notice(kind: .info, text: "No key '\(character)' here: m goes back.", until: now + 4)
            }
        default: break
        }
        return []
    }

    /// A show key pressed on a moderator's console.
    mutating func onlyTheHost(now: Date) -> [ConsoleEffect] {
        notice = Notice(kind: .refused, text: "Only the host can do that: m moderates the proposals.", until: now + 4)
        return []
    }
}
