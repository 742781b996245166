import Foundation

/// `undo`: takes back the last moves of the room, one at a time.
///
/// Every command that moves the room to another scene (`next`, `follow`, `choose`, `goto`,
/// `back`, `replay`) first remembers the position it leaves, with that scene's round as it
/// was (id, status, results visibility, split) and its counted votes. `undo` brings the
/// latest one back exactly: the same round, not a new vote; an open round opens again. The
/// steps live in the snapshot (so a restart keeps them) and belong to the current run:
/// starting or ending a story forgets them. At most ``Show/undoLimit`` steps are kept.
extension Show {
    /// How many moves back `undo` can go.
    public static let undoLimit = 10

    /// The commands that move the room to another scene, and so can be undone.
    static func movesTheRoom(_ command: HostCommand) -> Bool {
        switch command {
        case .next, .back, .goto, .follow, .choose, .replay: true
        default: false
        }
    }

    /// What to remember before `command`, if it moves the room: the position and the votes
    /// of its round.
    func undoPoint(before command: HostCommand, at time: Date) -> (step: UndoStep, ballots: Ballots?)? {
        guard Self.movesTheRoom(command), let run = snapshot.run else { return nil }
        return (UndoStep(command: command.name.rawValue, run: run, at: time), ballots)
    }

    /// Keeps a step taken by a command that succeeded, and forgets steps of other runs and
    /// the votes no step needs any more.
    mutating func remember(_ point: (step: UndoStep, ballots: Ballots?)?) {
        var steps = snapshot.undo
        if let point {
            steps.append(point.step)
            if let ballots = point.ballots { keptBallots[ballots.roundID] = ballots }
        }
        let runID = snapshot.run?.runID
        steps.removeAll { $0.run.runID != runID }
        snapshot.undo = Array(steps.suffix(Self.undoLimit))
        let needed = Set(snapshot.undo.compactMap { $0.run.round?.roundID })
        keptBallots = keptBallots.filter { needed.contains($0.key) }
    }

    /// After a restart: the votes of the rounds the kept steps can bring back.
    mutating func resumeUndo(keptVotes: [String: [String: Ballots.Ballot]]) {
        remember(nil)
        for step in snapshot.undo {
            guard let roundID = step.run.round?.roundID else { continue }
            var kept = Ballots(roundID: roundID)
            for (device, ballot) in keptVotes[roundID] ?? [:] { kept.record(device: device, ballot) }
            keptBallots[roundID] = kept
        }
    }

    /// Brings back the position before the last move. A round open on the scene being left
    /// is closed (it stays in the results); the round brought back keeps its id, status and
    /// votes, and an open timed round gets back the time it had left.
    mutating func undo(at time: Date) throws(ShowError) -> [ShowRecord] {
        guard let step = snapshot.undo.last, let current = snapshot.run, step.run.runID == current.runID else {
            throw ShowError("nothing_to_undo", "There is nothing to undo: the room has not moved in this story run.")
        }
        var records = closeOpenRound(at: time)
        snapshot.undo.removeLast()
        var restored = step.run
        if var round = restored.round, round.status == .open {
            round.closesAt = round.closesAt.map { $0.addingTimeInterval(time.timeIntervalSince(step.at)) }
            restored.round = round
            records.append(.roundStatus(RoundStatusChange(roundID: round.roundID, status: .open, at: time)))
        }
        snapshot.run = restored
        ballots = restored.round.map { keptBallots[$0.roundID] ?? Ballots(roundID: $0.roundID) }
        if let sceneID = restored.sceneID {
            records.append(.sceneShown(SceneShown(runID: restored.runID, sceneID: sceneID, at: time)))
        }
        records.append(
            .undone(
                UndoRecord(
                    runID: restored.runID, command: step.command, fromScene: current.sceneID,
                    toScene: restored.sceneID, roundID: restored.round?.roundID, roundStatus: restored.round?.status,
                    movedAt: step.at, at: time)))
        return records
    }

    /// The step the next `undo` would take back, if any.
    public var nextUndo: UndoStep? {
        guard let step = snapshot.undo.last, step.run.runID == snapshot.run?.runID else { return nil }
        return step
    }
}
