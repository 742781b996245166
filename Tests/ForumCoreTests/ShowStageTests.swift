import ForumCore
import Foundation
import Testing

@Suite("Show engine: the stage record (moves, the room's choice, replays) and facilitator notes")
struct ShowStageTests {
    let t0 = ShowFixtures.t0

    private func moves(_ records: [ShowRecord]) -> [StageMove] {
        records.compactMap { if case .moved(let move) = $0 { move } else { nil } }
    }

    @Test func aChoiceAgainstTheRoomIsRecordedWithTheRoomsWinner() throws {
        var show = try ShowFixtures.showWithOpenRound()
        try ShowFixtures.vote(&show, device: "a", option: "police")
        try ShowFixtures.vote(&show, device: "b", option: "police")
        try ShowFixtures.vote(&show, device: "c", option: "crisis")
        let records = try show.perform(.choose(option: "crisis"), at: t0 + 5)
        let move = try #require(moves(records).first)
        #expect(
            move
                == StageMove(
                    runID: "R1", command: "choose", fromScene: "call", toScene: "crisis", roundID: "D1",
                    optionID: "crisis", roomChoice: "police", at: t0 + 5))
        #expect(move.followedRoom == false)
        // The move is recorded before the snapshot, which stays last.
        #expect(records.last == .snapshot(show.snapshot))
    }

    @Test func followingTheRoomAndATieAreTold() throws {
        var show = try ShowFixtures.showWithOpenRound()
        try ShowFixtures.vote(&show, device: "a", option: "police")
        var tied = show
        try ShowFixtures.vote(&tied, device: "b", option: "crisis")
        let followed = try #require(moves(try show.perform(.follow, at: t0)).first)
        #expect(followed.optionID == "police" && followed.roomChoice == "police" && followed.followedRoom == true)
        let chosen = try #require(moves(try tied.perform(.choose(option: "police"), at: t0)).first)
        #expect(chosen.roomChoice == nil && chosen.followedRoom == false)
    }

    @Test func onlyMovesOfTheRoomAreRecorded() throws {
        var show = Show(library: ShowFixtures.library)
        #expect(moves(try show.perform(.start(story: "night"), at: t0)).isEmpty)
        let next = try #require(moves(try show.perform(.next, at: t0)).first)
        #expect(next.command == "next" && next.fromScene == "kitchen" && next.toScene == "call")
        #expect(next.optionID == nil && next.followedRoom == nil)
        #expect(moves(try show.perform(.open(seconds: nil), at: t0)).isEmpty)
        #expect(moves(try show.perform(.close, at: t0)).isEmpty)
    }

    @Test func aRoundOpenedAfterReplayIsMarkedAsAReplayUntilTheSceneChanges() throws {
        var show = try ShowFixtures.showWithOpenRound()
        _ = try show.perform(.close, at: t0)
        _ = try show.perform(.replay(scene: nil), at: t0 + 1)
        let opened = try show.perform(.open(seconds: nil), at: t0 + 2)
        #expect(opened.contains { if case .roundOpened(let o) = $0 { o.replay && o.roundID == "D2" } else { false } })
        _ = try show.perform(.choose(option: "wait"), at: t0 + 3)
        _ = try show.perform(.goto(scene: "call"), at: t0 + 4)
        let again = try show.perform(.open(seconds: nil), at: t0 + 5)
        #expect(again.contains { if case .roundOpened(let o) = $0 { !o.replay } else { false } })
    }

    @Test func aNoteIsKeptWithTheRoundCleanedAndWithinItsLimit() throws {
        var show = try ShowFixtures.showWithOpenRound()
        let records = try show.perform(.note(text: "  Police said\u{1B}[31m a 2am call waits\t4 hours \n"), at: t0)
        #expect(
            records.first
                == .noted(
                    FacilitatorNote(
                        runID: "R1", sceneID: "call", roundID: "D1", text: "Police said[31m a 2am call waits 4 hours",
                        at: t0)))
        #expect(throws: ShowError.self) { try show.perform(.note(text: " \n "), at: t0) }
        #expect(throws: ShowError.self) {
            try show.perform(.note(text: String(repeating: "x", count: Show.noteLimit + 1)), at: t0)
        }
        var idle = Show(library: ShowFixtures.library)
        let loose = try idle.perform(.note(text: "Before the show"), at: t0)
        #expect(
            loose.first
                == .noted(FacilitatorNote(runID: nil, sceneID: nil, roundID: nil, text: "Before the show", at: t0)))
    }

    @Test func theNoteCommandDecodesFromTheProtocol() throws {
        let decoded = ClientMessageDecoder.decode(
            Array(#"{"type":"command","command":"note","args":{"text":"Hi"}}"#.utf8))
        #expect(try decoded.get().0 == .command(.note(text: "Hi")))
        #expect(HostCommand.names.contains("note"))
    }
}
