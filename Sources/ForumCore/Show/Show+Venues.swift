import Foundation

/// *(addition)* A show shared between venues: every venue runs the same show, moved by one
/// host through a shared entry (see docs/venues.md). The tally the room sees is this venue's
/// votes plus what the other venues reported (``CountsElsewhere``); the small-group rule is
/// applied to that sum, where the tally is shown.
extension Show {
    /// This venue's own tally of the current round (``tally`` adds the other venues').
    public var localTally: Tally? {
        guard let ballots, scene?.decision != nil else { return nil }
        return ballots.tally(options: roundOptions)
    }

    /// Keeps another venue's latest Stop! count; true when the count shown changes.
    public mutating func countStopsElsewhere(venue: String, visit: Int, count: Int) -> Bool {
        elsewhere.reportStops(venue: venue, visit: visit, count: count) && visit == snapshot.voice.visit
    }

    /// Keeps another venue's latest counts for a round.
    public mutating func countElsewhere(venue: String, round: String, counts: RoundCounts) {
        elsewhere.report(venue: venue, round: round, counts: counts)
    }

    /// Brings the show to `snapshot`, set by the host through the shared entry. `records`
    /// are that command's stage records when this show was at the entry just before it;
    /// nil when it missed some (a venue cut off, or just started): the records are then made
    /// from the difference between where the show was and where it is now, so the rounds
    /// and runs its votes belong to are in its database. Votes counted here stay counted:
    /// the same round keeps its ballots, and a round brought back by `undo` gets its kept
    /// ones. Returns the records to store, the snapshot last; nothing when the snapshot
    /// names a story or scene this venue's library does not have (the venue runs other
    /// stories: it must not follow).
    public mutating func adopt(_ snapshot: ShowSnapshot, records: [StageRecord]?, at time: Date) -> [ShowRecord]? {
        if let run = snapshot.run {
            guard let story = library.story(run.storyID) else { return nil }
            if let scene = run.sceneID, story.scene(scene) == nil { return nil }
        }
        let before = self
        let oldRound = before.snapshot.run?.round?.roundID
        let newRound = snapshot.run?.round?.roundID
        self.snapshot = snapshot
        // A new scene visit starts with nobody stopping, as `settleVoice` does for the host.
        if snapshot.voice.visit != before.snapshot.voice.visit { voice.stops = [] }
        if oldRound != newRound {
            if let ballots { keptBallots[ballots.roundID] = ballots }
            ballots = newRound.map { keptBallots[$0] ?? Ballots(roundID: $0) }
        }
        remember(nil)
        if let newRound, let kept = keptBallots[newRound], ballots == nil { ballots = kept }
        var out = records?.map(\.showRecord) ?? catchUp(from: before, at: time)
        out.append(.snapshot(snapshot))
        return out
    }

    /// The stage records that take a database from `before`'s position to this one's.
    private func catchUp(from before: Show, at time: Date) -> [ShowRecord] {
        var out: [ShowRecord] = []
        let old = before.snapshot
        if let id = snapshot.sessionID, id != old.sessionID {
            let title = library.programme.session(id)?.title ?? "Not in the programme"
            out.append(.sessionEntered(SessionEntry(sessionID: id, title: title, at: time)))
        }
        let sameRun = old.run?.runID == snapshot.run?.runID
        if let run = old.run, !sameRun {
            if let round = run.round, round.status == .open {
                out.append(.roundStatus(RoundStatusChange(roundID: round.roundID, status: .closed, at: time)))
            }
            out.append(.runEnded(RunEnd(runID: run.runID, at: time)))
        }
        guard let run = snapshot.run else { return out + finishing(from: old, at: time) }
        if !sameRun, let story {
            out.append(
                .runStarted(
                    RunStart(
                        runID: run.runID, sessionID: snapshot.sessionID ?? Self.unscheduledID, storyID: run.storyID,
                        storyTitle: story.title, at: time)))
        }
        if let scene = run.sceneID, !sameRun || scene != old.run?.sceneID {
            out.append(.sceneShown(SceneShown(runID: run.runID, sceneID: scene, at: time)))
        }
        let oldRound = sameRun ? old.run?.round : nil
        if let oldRound, oldRound.roundID != run.round?.roundID, oldRound.status == .open {
            out.append(.roundStatus(RoundStatusChange(roundID: oldRound.roundID, status: .closed, at: time)))
        }
        if let round = run.round {
            if round.roundID != oldRound?.roundID, before.snapshot.roundsOpened < roundNumber(round.roundID) {
                out.append(
                    .roundOpened(
                        RoundOpening(
                            roundID: round.roundID, runID: run.runID, sceneID: round.sceneID,
                            question: scene?.decision?.question ?? "", options: roundOptions,
                            replay: run.replaying, at: time)))
                if round.status != .open {
                    out.append(.roundStatus(RoundStatusChange(roundID: round.roundID, status: round.status, at: time)))
                }
            } else if round.status != oldRound?.status || round.roundID != oldRound?.roundID {
                out.append(.roundStatus(RoundStatusChange(roundID: round.roundID, status: round.status, at: time)))
            }
        }
        return out + finishing(from: old, at: time)
    }

    private func finishing(from old: ShowSnapshot, at time: Date) -> [ShowRecord] {
        snapshot.finished == old.finished ? [] : [.showFinished(ShowFinishing(finished: snapshot.finished, at: time))]
    }

    /// A round id's number ("D7" → 7; 0 for anything else).
    private func roundNumber(_ roundID: String) -> Int {
        Int(roundID.dropFirst()) ?? 0
    }
}
