import Foundation
import Testing

@testable import ForumConsole

@Suite("The console's screen, laid out without a terminal")
struct ScreenLayoutTests {
    let now = Date(timeIntervalSince1970: 0)

    func plain(_ console: ConsoleState, _ width: Int, _ height: Int) -> [String] {
        ScreenLayout.render(console, width: width, height: height, now: now).map(\.plain)
    }

    @Test(arguments: [(80, 24), (160, 48), (100, 30), (60, 16), (120, 29)])
    func everyLineFillsTheTerminalExactly(size: (Int, Int)) {
        for console in [ConsoleFixtures.console(), ConsoleFixtures.console(state: ConsoleFixtures.state(split: true))] {
            let lines = ScreenLayout.render(console, width: size.0, height: size.1, now: now)
            #expect(lines.count == size.1)
            #expect(lines.allSatisfy { $0.width == size.0 })
        }
    }

    @Test func votesFromPhonesThatHaveLeftAreNotShownAsMoreThanTheRoom() {
        let state = ConsoleFixtures.state(counts: ["police": 6, "crisis-line": 6])
        let screen = plain(ConsoleFixtures.console(state: state), 80, 24).joined(separator: "\n")
        #expect(screen.contains("Votes 12  · 9 phones connected now"))
        #expect(!screen.contains("of 9 phones"))
    }

    @Test func theMainPanelsAt80x24() {
        let screen = plain(ConsoleFixtures.console(), 80, 24).joined(separator: "\n")
        #expect(screen.contains("Forum · Test My Story live"))
        #expect(screen.contains("9 phones"))
        #expect(screen.contains("Session Crisis at night   Story Sam's night   Run R1"))
        #expect(screen.contains("Scene 2 of 16 · Maya's phone"))
        #expect(screen.contains("NOTES  Ask the room first."))
        #expect(screen.contains("1 → police-arrive   2 → crisis-line   3 → the end"))
        #expect(screen.contains("Vote · OPEN"))
        #expect(screen.contains("results hidden · split off"))
        #expect(screen.contains("Votes 7 of 9 phones connected (78%)"))
        #expect(screen.contains("▶ 10:00 Crisis at night"))
        #expect(screen.contains("n next  b back  o open"))
        let lines = plain(ConsoleFixtures.console(), 80, 24)
        #expect(
            lines.contains {
                $0.hasPrefix(" 2 NHS 111, the mental health option")
                    && $0.trimmingCharacters(in: .whitespaces).hasSuffix("5  71% ◀")
            })
    }

    @Test func theSplitTableMarksSmallGroups() {
        let screen = plain(ConsoleFixtures.console(state: ConsoleFixtures.state(split: true)), 80, 24)
            .joined(separator: "\n")
        #expect(screen.contains("split on"))
        #expect(screen.contains("Everyone"))
        #expect(screen.contains("Police"))
        #expect(screen.range(of: #"Police\s+<5\s+5"#, options: .regularExpression) == nil)
        #expect(screen.range(of: #"Family member or ca… <5\s+1"#, options: .regularExpression) != nil)
        // 5 police, 1 carer, 1 with none: the police row would give the other two away, so
        // the room is shown no split at all, and the host is told so.
        #expect(screen.range(of: #"Police\s+·\s+5"#, options: .regularExpression) != nil)
        #expect(screen.contains("Room sees no split: groups too small. <5: under 5 ·: in everyone else"))
    }

    @Test func troubleIsShownPlainly() {
        var console = ConsoleFixtures.console(state: ConsoleFixtures.state(store: (120, 2)))
        _ = console.receive(.disconnected("closed"), now: now)
        let screen = plain(console, 80, 24).joined(separator: "\n")
        #expect(screen.contains("Lost connection to the server — reconnecting (attempt 1)…"))
        #expect(screen.contains("○ offline"))
        #expect(screen.contains("The database failed 2 writes since the start"))
        #expect(screen.contains("The database is falling behind: 120 records waiting to be written."))
    }

    @Test func aTimedVoteShowsItsClock() {
        let console = ConsoleFixtures.console(state: ConsoleFixtures.state(closesAt: "1970-01-01T00:00:42.000Z"))
        let screen = plain(console, 80, 24).joined(separator: "\n")
        #expect(screen.contains("Vote · OPEN · closes in 0:42"))
        #expect(screen.contains("It closes itself in 0:42."))
    }

    @Test func scrollingShowsEveryLineOfALongScene() {
        var console = ConsoleFixtures.console()
        console.view.sceneText = (1...30).map { "Line \($0)." }.joined(separator: "\n\n")
        var seen = Set<String>()
        let limit = ScreenLayout.frame(console, width: 80, height: 24, now: now).scrollLimit
        #expect(limit > 0)
        for scroll in 0...limit {
            console.scroll = scroll
            let frame = ScreenLayout.frame(console, width: 80, height: 24, now: now)
            #expect(frame.scrollLimit == limit)
            for line in frame.lines.map(\.plain) {
                if let match = line.firstMatch(of: /Line \d+\./) { seen.insert(String(match.0)) }
            }
        }
        #expect(seen.count == 30)
        console.scroll = limit
        let last = ScreenLayout.render(console, width: 80, height: 24, now: now).map(\.plain).joined()
        #expect(last.contains("more above") && !last.contains("more below"))
    }

    @Test func tooSmallSaysSo() {
        let lines = plain(ConsoleFixtures.console(), 40, 10)
        #expect(lines.count == 10)
        #expect(lines.joined(separator: " ").contains("needs at least 60×16"))
    }

    @Test func noColorMeansAttributesOnly() {
        let line = StyledLine([Span("trouble", .alert), Span(" ok", .good), Span(" key", .key)])
        let colour = line.ansi(color: true)
        let plainAttributes = line.ansi(color: false)
        #expect(colour.contains("\u{1B}[1;97;41m"))
        #expect(plainAttributes.contains("\u{1B}[1;7mtrouble"))
        #expect(!plainAttributes.contains("41m") && !plainAttributes.contains("32m"))
    }

    @Test func textFromStoriesCannotSteerTheTerminal() {
        #expect(TextWidth.sanitize("a\u{1B}[2Jb\u{07}") == "a [2Jb ")
        #expect(TextWrap.lines("one two\nthree\n\nfour", width: 9) == ["one two", "three", "", "four"])
        #expect(TextWrap.compactLines("a\n\nb", width: 5) == ["a", "b"])
        #expect(TextWidth.of("日本") == 4)
        #expect(TextWidth.truncate("abcdef", to: 4) == "abc…")
    }

    @Test func frameWriterRedrawsOnlyChangedLines() {
        var writer = FrameWriter(color: false)
        let first = writer.output(for: ["one", "two"], full: true)
        #expect(first.contains("\u{1B}[2J"))
        #expect(writer.output(for: ["one", "two"], full: false) == "")
        let changed = writer.output(for: ["one", "TWO"], full: false)
        #expect(changed.contains("\u{1B}[2;1H") && !changed.contains("\u{1B}[1;1H") && changed.contains("TWO"))
    }
}
