import Foundation
import Testing

@testable import ForumConsole

@Suite("The proposals screen (m): the queue listed live, sanitized and wrapped; moderating from it")
struct ConsoleProposalsTests {
    let now = Date(timeIntervalSince1970: 100)

    /// A queue in the fixture's scene (`the-call`), and one waiting from the scene before.
    static let room = """
        {"visit":3,"proposals_open":true,"stops":2,"acknowledged":null,"stops_shown":false,
         "proposals_shown":false,"queue":[
          {"id":"P1","text":"Call her \\u001b[2Jsister \\u001b]0;owned\\u0007now","status":"pending",
           "merged_into":null,"option":null,"run":"R1","scene":"the-call","same_idea":0},
          {"id":"P2","text":"Sit with her and listen for as long as it takes, and then ask what she wants to do next",
           "status":"approved","merged_into":null,"option":null,"run":"R1","scene":"the-call","same_idea":1},
          {"id":"P3","text":"Sit with her","status":"merged","merged_into":"P2","option":null,
           "run":"R1","scene":"the-call","same_idea":0},
          {"id":"P4","text":"Phone a friend","status":"rejected","merged_into":null,"option":null,
           "run":"R1","scene":"the-call","same_idea":0},
          {"id":"P5","text":"Ring the crisis line","status":"approved","merged_into":null,"option":"crisis-line",
           "run":"R1","scene":"the-call","same_idea":0},
          {"id":"P6","text":"Knock next door","status":"pending","merged_into":null,"option":null,
           "run":"R1","scene":"kitchen","same_idea":0},
          {"id":"P7","text":"Old and done","status":"rejected","merged_into":null,"option":null,
           "run":"R1","scene":"kitchen","same_idea":0},
          {"id":"P8","text":"Approved before","status":"approved","merged_into":null,"option":null,
           "run":"R1","scene":"kitchen","same_idea":0}]}
        """

    static func console() -> ConsoleState {
        ConsoleFixtures.console(state: ConsoleVoiceTests.state(room: room))
    }

    @Test func mOpensTheScreenOnTheOldestWaitingWithEveryStatusInWordsAndNoEscapes() {
        var console = Self.console()
        #expect(console.press(.character("m"), now: now).isEmpty)
        #expect(console.mode == .proposals(.init(selected: "P1")))
        // This scene's proposals and the one still waiting from the kitchen, in the queue's order.
        // and the one approved there and not yet in a vote (it can still be adopted).
        #expect(console.listedProposals.map(\.id) == ["P1", "P2", "P3", "P4", "P5", "P6", "P8"])
        let lines = ScreenLayout.render(console, width: 80, height: 40, now: now)
        let screen = lines.map(\.plain).joined(separator: "\n")
        #expect(!screen.contains("\u{1B}") && !screen.contains("\u{07}"))
        #expect(screen.contains("Call her [2Jsister ]0;owned now"))
        for expected in [
            "▶ P1    waiting", "P2    approved  +1 same idea", "P3    merged into P2", "P4    rejected",
            "P5    in the vote as option 2", "P6    waiting  from kitchen", "2 waiting · proposals open",
        ] {
            #expect(screen.contains(expected), "missing \(expected)")
        }
        #expect(!screen.contains("P7"))
        // The long text wraps under its id, inside the width.
        #expect(screen.contains("          Sit with her and listen"))
        #expect(lines.allSatisfy { $0.width == 80 })
        #expect(screen.contains("y approve") && screen.contains("d merge a duplicate") && screen.contains("a adopt"))
    }

    @Test func actingSendsTheModerationCommands() {
        var console = Self.console()
        _ = console.press(.character("m"), now: now)
        #expect(console.press(.character("y"), now: now) == [.send(.approve(proposal: "P1"))])
        _ = console.press(.down, now: now)
        #expect(console.press(.character("x"), now: now) == [.send(.reject(proposal: "P2"))])
        #expect(console.press(.character("a"), now: now) == [.send(.adopt(proposal: "P2"))])
        // Arrows stop at the ends.
        for _ in 0..<10 { _ = console.press(.down, now: now) }
        #expect(console.mode == .proposals(.init(selected: "P8")))
        _ = console.press(.up, now: now)
        // Merge: d on the duplicate, choose the original, Enter.
        #expect(console.press(.character("d"), now: now).isEmpty)
        #expect(console.mode == .proposals(.init(selected: "P5", merging: "P6")))
        let prompt = ScreenLayout.render(console, width: 80, height: 30, now: now).map(\.plain).joined(separator: "\n")
        #expect(prompt.contains("P6 is the same idea as which proposal?") && prompt.contains("Enter merge"))
        for _ in 0..<4 { _ = console.press(.up, now: now) }
        #expect(
            console.press(.enter, now: now) == [
                .send(.merge(proposal: "P6", into: "P1"))
            ])
        #expect(console.mode == .proposals(.init(selected: "P1")))
        // Esc cancels a merge and leaves the screen open; m (or Esc) goes back to the show.
        _ = console.press(.character("d"), now: now)
        #expect(console.press(.escape, now: now).isEmpty)
        #expect(console.mode == .proposals(.init(selected: "P2")))
        _ = console.press(.character("m"), now: now)
        #expect(console.mode == .normal)
        // Ctrl-C there is Ctrl-C as on the show: the fixture's remote console leaves at once.
        _ = console.press(.character("m"), now: now)
        #expect(console.press(.interrupt, now: now) == [.finish(.quit(stopShow: false))])
    }

    @Test func theModeratorCannotAdoptAndIsNotOfferedIt() {
        var console = Self.console()
        console.isModerator = true
        _ = console.press(.character("m"), now: now)
        let screen = ScreenLayout.render(console, width: 80, height: 30, now: now).map(\.plain).joined(separator: "\n")
        #expect(!screen.contains("adopt"))
        #expect(console.press(.character("a"), now: now).isEmpty)
        #expect(console.notice?.text == "Only the host can put a proposal to the vote.")
    }

    @Test func aModeratorsConsoleOffersOnlyModeratingAndRefusesTheShowsKeys() {
        var console = Self.console()
        console.isModerator = true
        console.mode = .proposals(.init())
        // Opened before anything is selected: the first arrow selects the oldest waiting.
        #expect(console.press(.down, now: now).isEmpty)
        #expect(console.mode == .proposals(.init(selected: "P1")))
        #expect(console.press(.character("y"), now: now) == [.send(.approve(proposal: "P1"))])
        _ = console.press(.character("m"), now: now)
        for key in ["n", "o", "r", "f", "1", "w", "a", "i", "x"] {
            #expect(console.press(.character(Character(key)), now: now).isEmpty, "key \(key)")
            #expect(console.notice?.text == "Only the host can do that: m moderates the proposals.")
        }
        for line in [":next", ":adopt P2", ":goto kitchen"] {
            _ = console.press(.character(":"), now: now)
            for character in line.dropFirst() { _ = console.press(.character(character), now: now) }
            #expect(console.press(.enter, now: now).isEmpty, "\(line)")
        }
        _ = console.press(.character(":"), now: now)
        for character in "reject p4" { _ = console.press(.character(character), now: now) }
        #expect(console.press(.enter, now: now) == [.send(.reject(proposal: "P4"))])
        let screen = ScreenLayout.render(console, width: 80, height: 24, now: now).map(\.plain)
        let footer = screen.suffix(2).joined(separator: "\n")
        #expect(footer.contains("m moderate") && !footer.contains("next") && !footer.contains("open"))
        #expect(screen.contains { $0.contains("Moderating: the host runs the show") })
        _ = console.press(.character("?"), now: now)
        let help = ScreenLayout.render(console, width: 80, height: 24, now: now).map(\.plain).joined(separator: "\n")
        #expect(help.contains("Help: moderating") && help.contains("x reject") && help.contains(":merge P Q"))
        #expect(!help.contains("next scene"))
    }

    @Test func aLongQueueScrollsToKeepTheSelectionInView() {
        var console = Self.console()
        _ = console.press(.character("m"), now: now)
        let top = ScreenLayout.render(console, width: 80, height: 16, now: now).map(\.plain)
        #expect(top.contains { $0.contains("▶ P1") } && top.contains { $0.contains("more lines below") })
        for _ in 0..<5 { _ = console.press(.down, now: now) }
        let bottom = ScreenLayout.render(console, width: 80, height: 16, now: now).map(\.plain)
        #expect(bottom.contains { $0.contains("▶ P6") } && bottom.contains { $0.contains("more lines above") })
        #expect(!bottom.contains { $0.contains("P1    waiting") })
        #expect(bottom.count == 16 && bottom.allSatisfy { TextWidth.of($0) == 80 })
    }

    @Test func anEmptyQueueSaysSoAndKeysDoNothing() {
        var console = ConsoleFixtures.console()
        _ = console.press(.character("m"), now: now)
        let screen = ScreenLayout.render(console, width: 80, height: 24, now: now).map(\.plain).joined(separator: "\n")
        #expect(screen.contains("No proposals yet in this scene."))
        #expect(console.press(.character("y"), now: now).isEmpty)
        #expect(console.notice?.text == "No proposal to act on yet.")
    }
}
