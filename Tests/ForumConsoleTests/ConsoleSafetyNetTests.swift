import Foundation
import Testing

@testable import ForumConsole

@Suite("The safety net: moves away from the room's vote ask first; undo asks and says what comes back")
struct ConsoleSafetyNetTests {
    let now = Date(timeIntervalSince1970: 100)

    /// The fixture's decision: 1 police (2 votes), 2 crisis-line (5, the winner), 3 wait-for-gp.
    private func console(status: String = "closed", counts: [String: Int] = ["police": 2, "crisis-line": 5])
        -> ConsoleState
    {
        ConsoleFixtures.console(state: ConsoleFixtures.state(status: status, counts: counts))
    }

    @Test func choosingAnOptionThatDidNotWinAsksAndSaysWhatTheRoomChose() {
        var console = console()
        #expect(console.press(.character("1"), now: now) == [])
        let expected = ConsoleEffect.send(.choose(option: "police"))
        #expect(
            console.mode
                == .confirm(.init(question: "The room chose 2 (5 of 7 votes). Go with 1 instead?", effect: expected)))
        #expect(console.press(.character("y"), now: now) == [expected])
        #expect(console.mode == .normal)
        _ = console.press(.character("3"), now: now)
        #expect(console.press(.character("n"), now: now) == [])
        #expect(console.notice?.text == "Cancelled: nothing was changed.")
        // The winner goes at once.
        #expect(
            console.press(.character("2"), now: now) == [
                .send(.choose(option: "crisis-line"))
            ])
    }

    @Test func anOpenVoteSaysSoFarAndAllVotesForOneReadPlainly() {
        var open = console(status: "open")
        _ = open.press(.character("3"), now: now)
        guard case .confirm(let asked) = open.mode else { Issue.record("no question"); return }
        #expect(asked.question == "The room chose 2 (5 of 7 votes so far). Go with 3 instead?")
        var all = console(counts: ["crisis-line": 1])
        _ = all.press(.character("1"), now: now)
        guard case .confirm(let one) = all.mode else { Issue.record("no question"); return }
        #expect(one.question == "The room chose 2 (1 vote). Go with 1 instead?")
        var few = console(counts: ["police": 1, "crisis-line": 1, "wait-for-gp": 2])
        _ = few.press(.character("1"), now: now)
        guard case .confirm(let minority) = few.mode else { Issue.record("no question"); return }
        #expect(minority.question == "The room chose 3 (2 of 4 votes). Go with 1 instead?")
        var lone = console(counts: ["police": 1, "crisis-line": 3])
        _ = lone.press(.character("3"), now: now)
        guard case .confirm(let third) = lone.mode else { Issue.record("no question"); return }
        #expect(third.question == "The room chose 2 (3 of 4 votes). Go with 3 instead?")
    }

    @Test func inATieAnyTiedOptionGoesAndAnotherAsks() {
        var console = console(status: "revealed", counts: ["police": 3, "wait-for-gp": 3])
        #expect(
            console.press(.character("3"), now: now) == [
                .send(.choose(option: "wait-for-gp"))
            ])
        _ = console.press(.character("2"), now: now)
        guard case .confirm(let asked) = console.mode else { Issue.record("no question"); return }
        #expect(asked.question == "The room is tied between 1 and 3 (3 votes each). Go with 2 instead?")
    }

    @Test func withoutVotesNothingAsks() {
        var pending = ConsoleFixtures.console(state: ConsoleFixtures.state(status: "pending", round: nil))
        #expect(pending.press(.character("1"), now: now).count == 1)
        #expect(pending.press(.character("b"), now: now) == [.send(.back)])
        var empty = console(counts: [:])
        #expect(empty.press(.character("3"), now: now).count == 1)
    }

    @Test func backGotoAndReplayElsewhereAskWhenTheRoomVoted() {
        var console = console()
        #expect(console.press(.character("b"), now: now) == [])
        guard case .confirm(let back) = console.mode else { Issue.record("no question"); return }
        #expect(back.question == "The room chose 2 (5 of 7 votes). Go back to kitchen anyway?")
        #expect(console.press(.character("y"), now: now) == [.send(.back)])

        func typed(_ line: String) -> [ConsoleEffect] {
            _ = console.press(.character(":"), now: now)
            for character in line { _ = console.press(.character(character), now: now) }
            return console.press(.enter, now: now)
        }
        #expect(typed("goto kitchen") == [])
        guard case .confirm(let jump) = console.mode else { Issue.record("no question"); return }
        #expect(jump.question == "The room chose 2 (5 of 7 votes). Jump to kitchen anyway?")
        _ = console.press(.escape, now: now)
        // Where the winner leads is no going against the room.
        #expect(typed("goto crisis-line") == [.send(.goto(scene: "crisis-line"))])
        #expect(typed("replay kitchen") == [])
        guard case .confirm(let replay) = console.mode else { Issue.record("no question"); return }
        #expect(replay.question == "The room chose 2 (5 of 7 votes). Replay kitchen anyway?")
        _ = console.press(.escape, now: now)
        #expect(typed("choose police") == [])
        #expect(typed("back") == [])
    }

    @Test func undoAsksSayingWhatComesBackAndWithNothingToUndoTheServerAnswers() {
        var console = console()
        #expect(console.view.undo == nil)
        #expect(console.press(.character("u"), now: now) == [.send(.undo)])
        var json = ConsoleFixtures.state(status: "closed")
        json = json.replacingOccurrences(
            of: #""winner":["crisis-line"]}"#,
            with:
                #""winner":["crisis-line"],"undo":{"command":"choose","scene":"the-call","round":"D1","status":"closed"}}"#
        )
        console.receive(ConsoleFixtures.object(json), now: now)
        #expect(
            console.view.undo == HostView.UndoInfo(command: "choose", scene: "the-call", round: "D1", status: "closed"))
        #expect(console.press(.character("u"), now: now) == [])
        guard case .confirm(let asked) = console.mode else { Issue.record("no question"); return }
        #expect(asked.question == "Undo choose: back to the-call with its vote D1 (closed)?")
        #expect(console.press(.character("y"), now: now) == [.send(.undo)])
        console.sent(.undo, ref: "h1", now: now)
        console.receive(ConsoleFixtures.object(#"{"type":"ack","ref":"h1","command":"undo"}"#), now: now)
        #expect(console.notice?.text == "✓ undone: the scene before is back")
        #expect(ConsoleInput.parse("undo") == .success(.command(.undo)))
    }
}
