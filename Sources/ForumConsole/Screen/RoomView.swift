import ForumCore

/// What the room (projector and phones) is shown of the split the host sees in full: the same
/// rule the server applies (``ShownSplit``, and no counts at all under 5 voters), worked out
/// from the host's exact tally, so the host knows which rows the room cannot see.
struct RoomView {
    /// The rule's verdict on the host's tally.
    let split: ShownSplit
    /// Fewer than 5 voted: the room sees no counts at all.
    let tooFewVoters: Bool

    init(_ view: HostView) {
        let options = view.options.map(\.id)
        let tally = Tally(
            roundID: "", optionOrder: options,
            counts: Dictionary(uniqueKeysWithValues: view.options.map { ($0.id, $0.count) }),
            byPerspective: view.breakdown.byPerspective, noPerspective: view.breakdown.noPerspective,
            byPlace: view.place.votesByPlace, noPlace: view.place.noPlace)
        split = ShownSplit(
            of: tally, by: view.place.splitByPlace ? .place : .perspective, threshold: Show.smallGroupThreshold)
        tooFewVoters = (1..<Show.smallGroupThreshold).contains(tally.total)
    }

    /// The three-character mark of a group's row: `<5` too small, `·` counted with everyone
    /// else to protect a small group, blank when the room sees it.
    func mark(for group: VoterGroup) -> String {
        if split.small.contains(group) { return " <5" }
        if split.folded.contains(group) { return "  ·" }
        return "   "
    }

    /// One line saying what the room sees of this split, and what the marks mean.
    var summary: String {
        if tooFewVoters { return " Room sees no counts: fewer than 5 have voted." }
        let legend = [
            split.small.isEmpty ? nil : "<5: under 5",
            split.folded.isEmpty ? nil : "·: in everyone else",
        ].compactMap { $0 }
        let verdict =
            split.withheld != nil
            ? "Room sees no split: groups too small."
            : "Room sees unmarked rows" + (split.others == nil ? "." : " + everyone else.")
        return " " + ([verdict] + legend).joined(separator: " ")
    }
}
