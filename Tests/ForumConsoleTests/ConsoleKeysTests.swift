import ForumCore
import Foundation
import Testing

@testable import ForumConsole

@Suite("The console's keys as a state machine")
struct ConsoleKeysTests {
    let now = Date(timeIntervalSince1970: 100)

    @Test func oneKeyPerFrequentAction() {
        // No votes yet: nothing goes against the room, so no key asks (see ConsoleSafetyNetTests).
        var console = ConsoleFixtures.console(state: ConsoleFixtures.state(counts: [:]))
        let keys: [(String, HostCommand)] = [
            ("n", .next), ("b", .back), ("o", .open(seconds: nil)), ("c", .close), ("r", .reveal),
        ]
        for (key, command) in keys {
            #expect(console.press(.character(Character(key)), now: now) == [.send(command)])
        }
        #expect(console.press(.character("f"), now: now) == [.send(.follow)])
        #expect(
            console.press(.character("2"), now: now) == [
                .send(.choose(option: "crisis-line"))
            ])
        #expect(console.press(.character("4"), now: now) == [])
        #expect(console.notice?.text == "There is no option 4: choose 1-3.")
    }

    @Test func resultsCycleAndSplitToggle() {
        var console = ConsoleFixtures.console(state: ConsoleFixtures.state(results: "screen"))
        #expect(
            console.press(.character("v"), now: now) == [.send(.results(.everyone))]
        )
        #expect(console.press(.character("g"), now: now) == [.send(.split(true))])
        console.receive(ConsoleFixtures.object(ConsoleFixtures.state(split: true, results: "everyone")), now: now)
        #expect(console.isSplit)
        #expect(
            console.press(.character("v"), now: now) == [.send(.results(.hidden))])
        #expect(console.press(.character("g"), now: now) == [.send(.split(false))])
    }

    @Test func aTieOnFollowAsksWhichOptionByItsNumber() {
        var console = ConsoleFixtures.console(
            state: ConsoleFixtures.state(status: "revealed", counts: ["police": 3, "wait-for-gp": 3]))
        #expect(console.view.winner == ["police", "wait-for-gp"])
        #expect(console.press(.character("f"), now: now) == [])
        #expect(console.mode == .chooseTie(["police", "wait-for-gp"]))
        #expect(console.press(.character("2"), now: now) == [])  // not tied
        #expect(
            console.press(.character("3"), now: now) == [
                .send(.choose(option: "wait-for-gp"))
            ])
        #expect(console.mode == .normal)
    }

    @Test func theServersTieErrorAlsoAsks() {
        var console = ConsoleFixtures.console()
        console.sent(.follow, ref: "h1", now: now)
        console.receive(
            ConsoleFixtures.object(
                #"{"type":"error","code":"tie","message":"A tie.","ref":"h1","options":["police","crisis-line"]}"#),
            now: now)
        #expect(console.mode == .chooseTie(["police", "crisis-line"]))
    }

    @Test func endingAStoryAndReplacingARoundAreConfirmed() {
        var console = ConsoleFixtures.console(state: ConsoleFixtures.state(status: "closed"))
        #expect(console.press(.character("e"), now: now) == [])
        guard case .confirm(let question) = console.mode else { Issue.record("no confirmation"); return }
        #expect(question.question == "End Sam's night? The run cannot be continued.")
        #expect(console.press(.character("y"), now: now) == [.send(.end)])

        #expect(console.press(.character("p"), now: now) == [])
        #expect(console.press(.character("n"), now: now) == [])
        #expect(console.notice?.text == "Cancelled: nothing was changed.")

        var pending = ConsoleFixtures.console(state: ConsoleFixtures.state(status: "pending", round: nil))
        #expect(pending.press(.character("p"), now: now) == [.send(.replay(scene: nil))])
    }

    @Test func startingAStoryPicksFromTheProgrammeAndConfirmsOverARun() {
        var console = ConsoleFixtures.console()
        #expect(console.press(.character("s"), now: now) == [])
        #expect(console.mode == .pickStory)
        #expect(console.press(.character("2"), now: now) == [])
        guard case .confirm(let confirmation) = console.mode else { Issue.record("no confirmation"); return }
        #expect(confirmation.question == "Start Coming home? This ends Sam's night at scene 2 of 16.")
        #expect(
            console.press(.character("y"), now: now) == [
                .send(.start(story: "coming-home"))
            ])
    }

    @Test func aTimedVoteAsksTheSeconds() {
        var console = ConsoleFixtures.console(state: ConsoleFixtures.state(status: "pending", round: nil))
        #expect(console.press(.character("t"), now: now) == [])
        #expect(console.mode == .seconds(""))
        _ = console.press(.character("x"), now: now)
        _ = console.press(.character("9"), now: now)
        _ = console.press(.character("0"), now: now)
        #expect(console.mode == .seconds("90"))
        #expect(console.press(.enter, now: now) == [.send(.open(seconds: 90))])
        _ = console.press(.character("t"), now: now)
        #expect(console.press(.enter, now: now) == [.send(.open(seconds: 60))])
    }

    @Test func theCommandLine() {
        var console = ConsoleFixtures.console(state: ConsoleFixtures.state(counts: [:]))
        _ = console.press(.character(":"), now: now)
        for character in "goto kitchen" { _ = console.press(.character(character), now: now) }
        #expect(console.mode == .commandLine("goto kitchen"))
        #expect(console.press(.enter, now: now) == [.send(.goto(scene: "kitchen"))])
        _ = console.press(.character(":"), now: now)
        for character in "gto" { _ = console.press(.character(character), now: now) }
        #expect(console.press(.enter, now: now) == [])
        #expect(console.notice?.text.contains("did you mean 'goto'?") == true)
        _ = console.press(.character(":"), now: now)
        _ = console.press(.backspace, now: now)
        #expect(console.mode == .normal)
    }

    @Test func quittingServeAsksWhetherToStopTheShow() {
        var serve = ConsoleFixtures.console(role: .serve)
        _ = serve.press(.character("q"), now: now)
        #expect(serve.press(.character("y"), now: now) == [.finish(.quit(stopShow: true))])
        _ = serve.press(.character("q"), now: now)
        #expect(serve.press(.character("k"), now: now) == [.finish(.quit(stopShow: false))])
        _ = serve.press(.character("q"), now: now)
        #expect(serve.press(.character("n"), now: now) == [])
        #expect(serve.mode == .normal)
        #expect(serve.press(.interrupt, now: now) == [])
        #expect(serve.mode == .quit)

        var remote = ConsoleFixtures.console()
        #expect(remote.press(.interrupt, now: now) == [.finish(.quit(stopShow: false))])
    }

    @Test func answersAndTheConnection() {
        var console = ConsoleFixtures.console()
        console.sent(.open, ref: "h7", now: now)
        console.receive(ConsoleFixtures.object(#"{"type":"ack","ref":"h7","command":"open"}"#), now: now)
        #expect(console.notice?.text == "✓ the vote is open")
        console.sent(.next, ref: "h8", now: now)
        console.receive(
            ConsoleFixtures.object(#"{"type":"error","code":"at_decision","message":"Use follow.","ref":"h8"}"#),
            now: now)
        #expect(
            console.notice == .init(kind: .refused, text: "next refused: Use follow.", code: "at_decision", until: nil))
        console.sent(.next, ref: nil, now: now)
        #expect(console.notice?.kind == .refused)
        _ = console.receive(.disconnected("closed"), now: now)
        _ = console.receive(.disconnected("refused"), now: now)
        #expect(console.link == .lost(attempt: 2, reason: "refused"))
        _ = console.receive(.connected, now: now)
        #expect(console.link == .connected)
        #expect(console.receive(.refused("wrong key"), now: now) == [.finish(.refused("wrong key"))])
    }
}
