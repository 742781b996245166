import ForumCore
import Foundation
import Testing

@Suite("Show engine: undo of the room's last moves, and back along the real path")
struct ShowUndoTests {
    let t0 = ShowFixtures.t0

    /// At `call` with round D1 closed after three votes (police 2, crisis 1), results for the
    /// screen and the split on.
    private func closedRound() throws -> Show {
        var show = try ShowFixtures.showWithOpenRound()
        try ShowFixtures.vote(&show, device: "a", option: "police", perspective: "carer")
        try ShowFixtures.vote(&show, device: "b", option: "police")
        try ShowFixtures.vote(&show, device: "c", option: "crisis")
        _ = try show.perform(.results(.screen), at: t0)
        _ = try show.perform(.split(true), at: t0)
        _ = try show.perform(.close, at: t0)
        return show
    }

    @Test func undoOfAChoiceBringsBackTheSameRoundWithItsVotes() throws {
        var show = try closedRound()
        let before = show.snapshot.run
        let tally = show.tally
        #expect(show.nextUndo?.command == "next")
        _ = try show.perform(.choose(option: "crisis"), at: t0 + 5)
        #expect(show.scene?.id == "crisis")
        #expect(show.round == nil)
        #expect(show.nextUndo?.command == "choose")

        let records = try show.perform(.undo, at: t0 + 10)
        #expect(show.scene?.id == "call")
        #expect(show.snapshot.run == before)
        #expect(show.round == RoundPosition(roundID: "D1", sceneID: "call", status: .closed))
        #expect(show.tally == tally)
        #expect(show.vote(of: "a") == "police")
        #expect(show.resultsVisibility == .screen)
        #expect(show.splitByPerspective)
        #expect(show.snapshot.roundsOpened == 1)
        #expect(records.contains(.sceneShown(SceneShown(runID: "R1", sceneID: "call", at: t0 + 10))))
        #expect(
            records.contains(
                .undone(
                    UndoRecord(
                        runID: "R1", command: "choose", fromScene: "crisis", toScene: "call", roundID: "D1",
                        roundStatus: .closed, movedAt: t0 + 5, at: t0 + 10))))
        #expect(records.last == .snapshot(show.snapshot))
        #expect(!records.contains { if case .roundStatus = $0 { true } else { false } })
    }

    @Test func undoReopensARoundTheMoveClosedAndGivesATimedVoteItsTimeBack() throws {
        var show = Show(library: ShowFixtures.library)
        _ = try show.perform(.start(story: "night"), at: t0)
        _ = try show.perform(.next, at: t0)
        _ = try show.perform(.open(seconds: 60), at: t0)
        try ShowFixtures.vote(&show, device: "a", option: "wait")
        _ = try show.perform(.goto(scene: "police"), at: t0 + 20)
        let records = try show.perform(.undo, at: t0 + 50)
        #expect(show.round?.status == .open)
        #expect(show.round?.roundID == "D1")
        #expect(show.round?.closesAt == t0 + 90)
        #expect(records.first == .roundStatus(RoundStatusChange(roundID: "D1", status: .open, at: t0 + 50)))
        #expect(show.vote(of: "a") == "wait")
        // The reopened round takes votes again, under its own id.
        let vote = try show.checkVote(device: "a", round: "D1", option: "police", at: t0 + 51)
        show.count(vote)
        #expect(show.tally?.counts == ["police": 1, "crisis": 0, "wait": 0])
    }

    @Test func undoClosesARoundOpenOnTheSceneItLeaves() throws {
        var show = try closedRound()
        _ = try show.perform(.choose(option: "wait"), at: t0)
        _ = try show.perform(.open(seconds: nil), at: t0)
        #expect(show.round?.roundID == "D2")
        let records = try show.perform(.undo, at: t0 + 1)
        #expect(records.first == .roundStatus(RoundStatusChange(roundID: "D2", status: .closed, at: t0 + 1)))
        #expect(show.round?.roundID == "D1")
    }

    @Test func severalUndosWalkBackEachMoveThenRefuse() throws {
        var show = try closedRound()
        _ = try show.perform(.follow, at: t0)  // police wins
        _ = try show.perform(.next, at: t0)  // end
        _ = try show.perform(.back, at: t0)  // police
        #expect(show.scene?.id == "police")
        #expect(show.snapshot.undo.map(\.command) == ["next", "follow", "next", "back"])
        _ = try show.perform(.undo, at: t0)
        #expect(show.scene?.id == "end")
        _ = try show.perform(.undo, at: t0)
        #expect(show.scene?.id == "police")
        _ = try show.perform(.undo, at: t0)
        #expect(show.scene?.id == "call")
        #expect(show.round?.roundID == "D1")
        _ = try show.perform(.undo, at: t0)
        #expect(show.scene?.id == "kitchen")
        #expect(show.round == nil)
        #expect(throws: ShowError.self) { try show.perform(.undo, at: t0) }
        do {
            _ = try show.perform(.undo, at: t0)
        } catch {
            #expect(error.code == "nothing_to_undo")
        }
    }

    @Test func atMostTheLimitOfStepsIsKept() throws {
        var show = try closedRound()
        for _ in 0..<(Show.undoLimit + 5) { _ = try show.perform(.replay(scene: nil), at: t0) }
        #expect(show.snapshot.undo.count == Show.undoLimit)
        #expect(show.keptBallots.isEmpty)
    }

    @Test func startingOrEndingAStoryForgetsTheSteps() throws {
        var show = try closedRound()
        _ = try show.perform(.follow, at: t0)
        _ = try show.perform(.end, at: t0)
        #expect(show.snapshot.undo.isEmpty)
        #expect(throws: ShowError.self) { try show.perform(.undo, at: t0) }
        _ = try show.perform(.start(story: "night"), at: t0)
        _ = try show.perform(.next, at: t0)
        _ = try show.perform(.start(story: "other"), at: t0)
        #expect(show.snapshot.undo.isEmpty)
        #expect(show.nextUndo == nil)
    }

    @Test func aVoteStoredAfterTheMoveStillCountsForTheRoundBroughtBack() throws {
        var show = try ShowFixtures.showWithOpenRound()
        _ = show.join(device: nil, freshToken: "late", at: t0)
        let late = try show.checkVote(device: "late", round: "D1", option: "crisis", at: t0)
        _ = try show.perform(.choose(option: "police"), at: t0)
        show.count(late)  // the store committed it after the move
        _ = try show.perform(.undo, at: t0)
        #expect(show.vote(of: "late") == "crisis")
        #expect(show.tally?.total == 1)
    }

    @Test func aResumedShowCanStillUndoWithTheVotesReloaded() throws {
        var show = try closedRound()
        _ = try show.perform(.follow, at: t0)
        let data = try JSONEncoder().encode(show.snapshot)
        let stored = try JSONDecoder().decode(ShowSnapshot.self, from: data)
        var resumed = Show(
            library: ShowFixtures.library, snapshot: stored, devices: show.devices,
            keptVotes: [
                "D1": [
                    "a": .init(optionID: "police", perspective: "carer"),
                    "c": .init(optionID: "crisis", perspective: nil),
                ]
            ])
        #expect(resumed.nextUndo?.command == "follow")
        _ = try resumed.perform(.undo, at: t0)
        #expect(resumed.round?.roundID == "D1")
        #expect(resumed.round?.status == .closed)
        #expect(resumed.tally?.counts == ["police": 1, "crisis": 1, "wait": 0])
        #expect(resumed.tally?.byPerspective["carer"] == ["police": 1, "crisis": 0, "wait": 0])
    }

    @Test func aSnapshotFromBeforeUndoDecodesWithNothingToUndo() throws {
        let old =
            #"{"sessionID":"morning","runsStarted":1,"roundsOpened":0,"run":{"runID":"R1","storyID":"night","sceneID":"call","trail":["kitchen"]}}"#
        let snapshot = try JSONDecoder().decode(ShowSnapshot.self, from: Data(old.utf8))
        #expect(snapshot.undo.isEmpty)
        #expect(snapshot.run?.sceneID == "call")
    }

    // MARK: back after a loop

    static let loop = Story(
        id: "loop", title: "Loop", start: "door",
        scenes: [
            Scene(
                id: "door", text: "A door.",
                decision: Decision(
                    question: "Knock again?",
                    options: [
                        Option(id: "again", label: "Knock again", next: "door"),
                        Option(id: "in", label: "Go in", next: "hall"),
                    ])),
            Scene(id: "hall", text: "A hall.", next: "door"),
        ])
    static let loopLibrary = Library(
        programme: EventProgramme(title: "Loops", perspectives: [], sessions: []), stories: [loop])

    @Test func backWalksThePathTakenThroughLoops() throws {
        var show = Show(library: Self.loopLibrary)
        _ = try show.perform(.start(story: "loop"), at: t0)
        _ = try show.perform(.choose(option: "again"), at: t0)  // door → door
        _ = try show.perform(.choose(option: "in"), at: t0)  // door → hall
        _ = try show.perform(.next, at: t0)  // hall → door (the story loops back)
        #expect(show.snapshot.run?.trail == ["door", "door", "hall"])
        var walked: [String] = []
        for _ in 0..<3 {
            _ = try show.perform(.back, at: t0)
            walked.append(show.scene?.id ?? "-")
        }
        #expect(walked == ["hall", "door", "door"])
        #expect(throws: ShowError.self) { try show.perform(.back, at: t0) }
    }

    @Test func replayingTheSceneOnNowIsNoStepOnThePath() throws {
        var show = try closedRound()
        _ = try show.perform(.replay(scene: nil), at: t0)
        #expect(show.snapshot.run?.trail == ["kitchen"])
        _ = try show.perform(.back, at: t0)
        #expect(show.scene?.id == "kitchen")
    }
}
