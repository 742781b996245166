import ForumCore
import Foundation
import Testing

@Suite("Show engine: host commands")
struct ShowCommandTests {
    let t0 = ShowFixtures.t0

    @Test func startShowsFirstSceneAndEntersTheStorysSession() throws {
        var show = Show(library: ShowFixtures.library)
        let records = try show.perform(.start(story: "night"), at: t0)
        #expect(show.scene?.id == "kitchen")
        #expect(show.session?.id == "morning")
        #expect(show.snapshot.run?.runID == "R1")
        #expect(records.count == 4)
        #expect(records[0] == .sessionEntered(SessionEntry(sessionID: "morning", title: "Morning", at: t0)))
        #expect(
            records[1]
                == .runStarted(
                    RunStart(runID: "R1", sessionID: "morning", storyID: "night", storyTitle: "A night", at: t0)))
        #expect(records[2] == .sceneShown(SceneShown(runID: "R1", sceneID: "kitchen", at: t0)))
        #expect(records[3] == .snapshot(show.snapshot))
    }

    @Test func unknownStorySuggestsTheClosestAndChangesNothing() {
        var show = Show(library: ShowFixtures.library)
        #expect(throws: ShowError("unknown_story", "There is no story 'nigth'. Did you mean 'night'?")) {
            try show.perform(.start(story: "nigth"), at: t0)
        }
        #expect(show.snapshot == ShowSnapshot())
    }

    @Test func nextBackAndGotoWalkTheStory() throws {
        var show = Show(library: ShowFixtures.library)
        _ = try show.perform(.start(story: "night"), at: t0)
        _ = try show.perform(.next, at: t0)
        #expect(show.scene?.id == "call")
        #expect(throws: ShowError("at_decision", "This scene ends with a vote: use follow or choose to go on.")) {
            try show.perform(.next, at: t0)
        }
        _ = try show.perform(.goto(scene: "police"), at: t0)
        #expect(show.scene?.id == "police")
        #expect(show.snapshot.run?.trail == ["kitchen", "call"])
        _ = try show.perform(.back, at: t0)
        #expect(show.scene?.id == "call")
        _ = try show.perform(.back, at: t0)
        #expect(show.scene?.id == "kitchen")
        #expect(throws: ShowError.self) { try show.perform(.back, at: t0) }
        #expect(throws: ShowError("unknown_scene", "There is no scene 'polise' in A night. Did you mean 'police'?")) {
            try show.perform(.goto(scene: "polise"), at: t0)
        }
    }

    @Test func commandsWithoutAStoryAreRefused() {
        var show = Show(library: ShowFixtures.library)
        for command in [HostCommand.next, .back, .open(seconds: nil), .follow, .end, .goto(scene: "call")] {
            #expect(throws: ShowError("no_story", "No story is running: start one first.")) {
                try show.perform(command, at: t0)
            }
        }
        #expect(throws: ShowError("round_not_open", "No vote is open.")) { try show.perform(.close, at: t0) }
    }

    @Test func roundLifecycleOpenCloseReveal() throws {
        var show = try ShowFixtures.showWithOpenRound()
        #expect(show.round == RoundPosition(roundID: "D1", sceneID: "call", status: .open))
        #expect(throws: ShowError("round_exists", "The vote is already open.")) {
            try show.perform(.open(seconds: nil), at: t0)
        }
        _ = try show.perform(.close, at: t0)
        #expect(show.round?.status == .closed)
        #expect(throws: ShowError.self) { try show.perform(.open(seconds: nil), at: t0) }
        let records = try show.perform(.reveal, at: t0)
        #expect(records.first == .roundStatus(RoundStatusChange(roundID: "D1", status: .revealed, at: t0)))
        #expect(show.round?.status == .revealed)
    }

    @Test func revealOfAnOpenRoundClosesItFirst() throws {
        var show = try ShowFixtures.showWithOpenRound()
        let records = try show.perform(.reveal, at: t0)
        #expect(
            records.prefix(2) == [
                .roundStatus(RoundStatusChange(roundID: "D1", status: .closed, at: t0)),
                .roundStatus(RoundStatusChange(roundID: "D1", status: .revealed, at: t0)),
            ])
    }

    @Test func openOnASceneWithoutDecisionIsRefused() throws {
        var show = Show(library: ShowFixtures.library)
        _ = try show.perform(.start(story: "night"), at: t0)
        #expect(throws: ShowError("no_decision", "This scene has no decision to vote on.")) {
            try show.perform(.open(seconds: nil), at: t0)
        }
    }

    @Test func followGoesAlongTheWinner() throws {
        var show = try ShowFixtures.showWithOpenRound()
        try ShowFixtures.vote(&show, device: "a", option: "crisis")
        try ShowFixtures.vote(&show, device: "b", option: "crisis")
        try ShowFixtures.vote(&show, device: "c", option: "police")
        let records = try show.perform(.follow, at: t0)
        #expect(records.first == .roundStatus(RoundStatusChange(roundID: "D1", status: .closed, at: t0)))
        #expect(show.scene?.id == "crisis")
        #expect(show.round == nil)
    }

    @Test func followOnATieAsksTheHost() throws {
        var show = try ShowFixtures.showWithOpenRound()
        try ShowFixtures.vote(&show, device: "a", option: "crisis")
        try ShowFixtures.vote(&show, device: "b", option: "police")
        #expect(
            throws: ShowError("tie", "It's a tie between police, crisis: choose one.", options: ["police", "crisis"])
        ) {
            try show.perform(.follow, at: t0)
        }
        #expect(show.scene?.id == "call")
        #expect(show.round?.status == .open)
        _ = try show.perform(.choose(option: "police"), at: t0)
        #expect(show.scene?.id == "police")
    }

    @Test func anOptionWithoutNextUsesTheDecisionsNext() throws {
        var show = try ShowFixtures.showWithOpenRound()
        _ = try show.perform(.choose(option: "wait"), at: t0)
        #expect(show.scene?.id == "morning")
    }

    @Test func anOptionLeadingNowhereEndsTheStoryButKeepsTheRun() throws {
        var show = try ShowFixtures.showWithOpenRound()
        _ = try show.perform(.choose(option: "wait"), at: t0)
        _ = try show.perform(.choose(option: "no"), at: t0)
        #expect(show.story?.id == "night")
        #expect(show.scene == nil)
        #expect(throws: ShowError.self) { try show.perform(.next, at: t0) }
        _ = try show.perform(.back, at: t0)
        #expect(show.scene?.id == "morning")
    }

    @Test func replayMakesANewRoundForTheSameScene() throws {
        var show = try ShowFixtures.showWithOpenRound()
        try ShowFixtures.vote(&show, device: "a", option: "crisis")
        _ = try show.perform(.close, at: t0)
        _ = try show.perform(.replay(scene: nil), at: t0)
        #expect(show.round == nil)
        #expect(show.tally == nil)
        _ = try show.perform(.open(seconds: nil), at: t0)
        #expect(show.round?.roundID == "D2")
        #expect(show.tally?.total == 0)
        #expect(show.snapshot.run?.trail == ["kitchen"])
    }

    @Test func endAndStartAgainGivesANewRun() throws {
        var show = try ShowFixtures.showWithOpenRound()
        let records = try show.perform(.end, at: t0)
        #expect(
            records.prefix(2) == [
                .roundStatus(RoundStatusChange(roundID: "D1", status: .closed, at: t0)),
                .runEnded(RunEnd(runID: "R1", at: t0)),
            ])
        #expect(show.story == nil)
        _ = try show.perform(.start(story: "night"), at: t0)
        #expect(show.snapshot.run?.runID == "R2")
    }

    @Test func startingAnotherStoryEndsTheRunAndMovesSession() throws {
        var show = try ShowFixtures.showWithOpenRound()
        let records = try show.perform(.start(story: "other"), at: t0)
        #expect(records.contains(.runEnded(RunEnd(runID: "R1", at: t0))))
        #expect(show.session?.id == "afternoon")
    }

    @Test func timedRoundClosesItselfWhenDue() throws {
        var show = Show(library: ShowFixtures.library)
        _ = try show.perform(.start(story: "night"), at: t0)
        _ = try show.perform(.next, at: t0)
        _ = try show.perform(.open(seconds: 30), at: t0)
        #expect(show.closeExpiredRound(at: t0.addingTimeInterval(29)).isEmpty)
        let records = show.closeExpiredRound(at: t0.addingTimeInterval(30))
        #expect(
            records.first
                == .roundStatus(RoundStatusChange(roundID: "D1", status: .closed, at: t0.addingTimeInterval(30))))
        #expect(show.round?.status == .closed)
        #expect(throws: ShowError.self) { try show.perform(.open(seconds: 2), at: t0) }
    }

    @Test func sessionCommand() throws {
        var show = Show(library: ShowFixtures.library)
        _ = try show.perform(.session(id: "afternoon"), at: t0)
        #expect(show.session?.title == "Afternoon")
        #expect(throws: ShowError.self) { try show.perform(.session(id: "evening"), at: t0) }
    }
}
