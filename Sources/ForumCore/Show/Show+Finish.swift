import Foundation

/// The end of the day, the projector's join screen and what comes next in the programme.
extension Show {
    /// True after `finish`, until a story starts again.
    public var isFinished: Bool { snapshot.finished }

    /// True while the projector shows the full-screen join screen.
    public var showsJoinScreen: Bool { snapshot.joinScreen }

    /// The programme session after the one the show is in: the first session before any is
    /// entered, nil in the last session, outside the programme, or once the day is finished.
    public var nextSession: ProgrammeSession? {
        let sessions = library.programme.sessions
        guard !isFinished else { return nil }
        guard let id = snapshot.sessionID else { return sessions.first }
        guard let index = sessions.firstIndex(where: { $0.id == id }), index + 1 < sessions.count else { return nil }
        return sessions[index + 1]
    }

    /// `finish`: ends the story running (closing its vote) and puts the closing screen on
    /// every phone and the projector. Finishing again changes nothing.
    mutating func finish(at time: Date) -> [ShowRecord] {
        guard !snapshot.finished else { return [] }
        var records = endRun(at: time)
        snapshot.finished = true
        snapshot.joinScreen = false
        records.append(.showFinished(ShowFinishing(finished: true, at: time)))
        return records
    }

    /// Reopens a finished show (a story starts again); nothing when it is not finished.
    mutating func reopen(at time: Date) -> [ShowRecord] {
        guard snapshot.finished else { return [] }
        snapshot.finished = false
        return [.showFinished(ShowFinishing(finished: false, at: time))]
    }

    /// The join screen gives way to a new scene or story: any command but `join` that changes
    /// what the room sees (another run or scene) turns it off.
    mutating func settleJoinScreen(after command: HostCommand, from before: ShowSnapshot) {
        if case .join = command { return }
        if before.run?.runID != snapshot.run?.runID || before.run?.sceneID != snapshot.run?.sceneID {
            snapshot.joinScreen = false
        }
    }
}
