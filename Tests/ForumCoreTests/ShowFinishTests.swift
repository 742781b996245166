import ForumCore
import Foundation
import Testing

@Suite("Show engine: finishing the day, the join screen, what comes next")
struct ShowFinishTests {
    let t0 = ShowFixtures.t0

    @Test func finishEndsTheRunClosesTheVoteAndIsRecorded() throws {
        var show = try ShowFixtures.showWithOpenRound()
        let records = try show.perform(.finish, at: t0 + 5)
        #expect(show.isFinished)
        #expect(show.story == nil)
        #expect(
            records == [
                .roundStatus(RoundStatusChange(roundID: "D1", status: .closed, at: t0 + 5)),
                .runEnded(RunEnd(runID: "R1", at: t0 + 5)),
                .showFinished(ShowFinishing(finished: true, at: t0 + 5)),
                .snapshot(show.snapshot),
            ])
        #expect(show.snapshot.finished)
    }

    @Test func finishingAgainChangesNothing() throws {
        var show = Show(library: ShowFixtures.library)
        _ = try show.perform(.finish, at: t0)
        let before = show.snapshot
        #expect(try show.perform(.finish, at: t0 + 1) == [.snapshot(before)])
        #expect(show.snapshot == before)
    }

    @Test func startAfterFinishReopensTheShow() throws {
        var show = Show(library: ShowFixtures.library)
        _ = try show.perform(.finish, at: t0)
        let records = try show.perform(.start(story: "other"), at: t0 + 1)
        #expect(!show.isFinished)
        #expect(records.first == .showFinished(ShowFinishing(finished: false, at: t0 + 1)))
        #expect(show.scene?.id == "only")
        // A failed start leaves the show finished.
        _ = try show.perform(.finish, at: t0 + 2)
        #expect(throws: ShowError.self) { try show.perform(.start(story: "nope"), at: t0 + 3) }
        #expect(show.isFinished)
    }

    @Test func aFinishedShowSurvivesARestartThroughItsSnapshot() throws {
        var show = Show(library: ShowFixtures.library)
        _ = try show.perform(.session(id: "afternoon"), at: t0)
        let records = try show.perform(.finish, at: t0)
        guard case .snapshot(let stored) = records.last else {
            Issue.record("no snapshot")
            return
        }
        let data = try JSONEncoder().encode(stored)
        let resumed = Show(
            library: ShowFixtures.library, snapshot: try JSONDecoder().decode(ShowSnapshot.self, from: data))
        #expect(resumed.isFinished)
        #expect(resumed.session?.id == "afternoon")
    }

    @Test func snapshotsFromBeforeFinishingExistedDecodeAsOpen() throws {
        let old = #"{"sessionID":"morning","runsStarted":2,"roundsOpened":3}"#
        let snapshot = try JSONDecoder().decode(ShowSnapshot.self, from: Data(old.utf8))
        #expect(snapshot == ShowSnapshot(sessionID: "morning", runsStarted: 2, roundsOpened: 3))
        #expect(!snapshot.finished && !snapshot.joinScreen)
    }

    @Test func theJoinScreenStaysUntilTurnedOffOrTheSceneChanges() throws {
        var show = Show(library: ShowFixtures.library)
        _ = try show.perform(.join(true), at: t0)
        #expect(show.showsJoinScreen)
        _ = try show.perform(.session(id: "morning"), at: t0)
        #expect(show.showsJoinScreen, "a command that changes no scene keeps it")
        _ = try show.perform(.join(false), at: t0)
        #expect(!show.showsJoinScreen)
        _ = try show.perform(.start(story: "night"), at: t0)
        _ = try show.perform(.join(true), at: t0)
        _ = try show.perform(.next, at: t0)
        #expect(!show.showsJoinScreen, "a new scene takes the projector back")
        _ = try show.perform(.join(true), at: t0)
        _ = try show.perform(.open(seconds: nil), at: t0)
        #expect(show.showsJoinScreen, "opening the vote is the same scene")
        _ = try show.perform(.finish, at: t0)
        #expect(!show.showsJoinScreen)
    }

    @Test func theNextSessionFollowsTheProgramme() throws {
        var show = Show(library: ShowFixtures.library)
        #expect(show.nextSession?.id == "morning", "before anything: the first session")
        _ = try show.perform(.start(story: "night"), at: t0)
        #expect(show.nextSession?.id == "afternoon")
        _ = try show.perform(.start(story: "other"), at: t0)
        #expect(show.nextSession == nil, "the last session")
        _ = try show.perform(.session(id: "morning"), at: t0)
        _ = try show.perform(.finish, at: t0)
        #expect(show.nextSession == nil, "nothing comes after the end of the day")
    }

    @Test func statesCarryFinishedNextSessionAndTheJoinScreen() throws {
        var show = Show(
            library: Library(
                programme: EventProgramme(
                    title: "T", perspectives: [],
                    sessions: [ProgrammeSession(id: "am", title: "Morning", starts: "10:00", stories: ["other"])]),
                stories: [ShowFixtures.other]))
        let before = StateView.state(of: show, for: .audience)
        #expect(before["finished"] == .bool(false))
        #expect(
            before["next_session"]
                == .object([("id", .string("am")), ("title", .string("Morning")), ("starts", .string("10:00"))]))
        #expect(before["join_screen"] == nil, "phones are not told about the projector's join screen")
        _ = try show.perform(.join(true), at: t0)
        #expect(StateView.state(of: show, for: .screen)["join_screen"] == .bool(true))
        _ = try show.perform(.finish, at: t0)
        for role in [ClientMessage.Role.audience, .screen, .host] {
            let state = StateView.state(of: show, for: role)
            #expect(state["finished"] == .bool(true))
            #expect(state["next_session"] == .null)
        }
    }

    @Test func finishAndJoinDecodeFromTheWire() {
        let finish = ClientMessageDecoder.decode(Array(#"{"type":"command","command":"finish"}"#.utf8))
        #expect((try? finish.get().0) == .command(.finish))
        let join = ClientMessageDecoder.decode(Array(#"{"type":"command","command":"join","args":{"on":true}}"#.utf8))
        #expect((try? join.get().0) == .command(.join(true)))
        let bad = ClientMessageDecoder.decode(Array(#"{"type":"command","command":"join","args":{"on":1}}"#.utf8))
        #expect(throws: ProtocolError.self) { try bad.get() }
    }
}
