import ForumCore
import Foundation
import Testing

@testable import ForumConsole

/// Host states of a show shared between venues (`venues`), for the console's venue views.
enum VenueFixtures {
    /// Four venues in name order: `central` here, `east` 37 votes behind, `north` not heard
    /// for 12 s, `south` caught up: 412 phones.
    static let four = """
        [{"name":"central","phones":120,"votes":1033,"behind":0,"connected":true,"heard_ms_ago":0,"here":true},
         {"name":"east","phones":100,"votes":800,"behind":37,"connected":true,"heard_ms_ago":180,"here":false},
         {"name":"north","phones":92,"votes":700,"behind":0,"connected":false,"heard_ms_ago":12400,"here":false},
         {"name":"south","phones":100,"votes":500,"behind":0,"connected":true,"heard_ms_ago":90,"here":false}]
        """

    /// Hostile names: escape sequences that would clear the screen, retitle the window and
    /// ring the bell, a name far too long for any column, and wide characters.
    static let hostile = """
        [{"name":"\\u001b[2J\\u001b]0;pwned\\u0007evil\\u009b31m","phones":3,"votes":4,"behind":5,
          "connected":false,"heard_ms_ago":3000,"here":false},
         {"name":"\(String(repeating: "Llanfairpwllgwyngyll", count: 10))","phones":1,"votes":2,"behind":0,
          "connected":true,"heard_ms_ago":0,"here":true},
         {"name":"\(String(repeating: "会場", count: 30))","phones":7,"votes":8,"behind":9,
          "connected":false,"heard_ms_ago":1000,"here":false}]
        """

    /// The fixture host state with `venues` added.
    static func state(_ venues: String = four) -> String {
        String(ConsoleFixtures.state().dropLast()) + #","venues":"# + venues + "}"
    }
}

@Suite("The venues of a shared show: the line under the header, the V table, plain text")
struct ConsoleVenuesTests {
    let now = Date(timeIntervalSince1970: 0)

    private func plain(_ console: ConsoleState, _ width: Int, _ height: Int, at time: Date? = nil) -> [String] {
        ScreenLayout.render(console, width: width, height: height, now: time ?? now).map {
            String($0.plain.reversed().drop { $0 == " " }.reversed())
        }
    }

    private func shared(_ venues: String = VenueFixtures.four) -> ConsoleState {
        ConsoleFixtures.console(state: VenueFixtures.state(venues))
    }

    @Test func theStateKeepsTheVenuesInTheirOrder() throws {
        let venues = try #require(shared().venues)
        #expect(venues.venues.map(\.name) == ["central", "east", "north", "south"])
        #expect(venues.linked == 3)
        #expect(venues.phones == 412)
        #expect(venues.behind == 37)
        #expect(ConsoleFixtures.console().venues == nil)
    }

    @Test func theLineUnderTheHeaderCountsLinksAndNamesTheTrouble() {
        let wide = plain(shared(), 160, 48)
        #expect(
            wide[2].hasPrefix(" Venues 3/4 linked · 412 phones · north not heard for 12 s · east 37 votes to send  "))
        #expect(wide[2].hasSuffix(" V: venues"))
        #expect(wide[3].hasPrefix("── Scene 2 of 16"))
        // At 80 columns the same in short words, the key at the end.
        let narrow = plain(shared(), 80, 24)
        #expect(narrow[2] == " Venues 3/4 linked · 412 phones · north silent 12 s · east 37 to send  V: venues")
        #expect(narrow[3].hasPrefix("── Scene 2 of 16"))
    }

    @Test func aVenueNotHeardFromKeepsAgeingBetweenStates() {
        #expect(plain(shared(), 160, 48, at: now + 5)[2].contains("north not heard for 17 s"))
        #expect(plain(shared(), 160, 48, at: now + 200)[2].contains("north not heard for 3 min"))
        #expect(plain(shared(), 80, 24, at: now + 200)[2].contains("north silent 212 s"))
    }

    @Test func everyVenueLinkedAndCaughtUpIsOnePlainLine() {
        let calm = VenueFixtures.four.replacingOccurrences(of: #""behind":37"#, with: #""behind":0"#)
            .replacingOccurrences(of: #""connected":false"#, with: #""connected":true"#)
        let console = shared(calm)
        let line = ScreenLayout.render(console, width: 80, height: 24, now: now)[2]
        #expect(line.plain.hasPrefix(" Venues 4/4 linked · 412 phones  "))
        #expect(line.plain.hasSuffix("  V: venues"))
        #expect(!line.spans.contains { $0.tone == .alert || $0.tone == .caution })
        let troubled = ScreenLayout.render(shared(), width: 80, height: 24, now: now)[2]
        #expect(troubled.spans.contains { $0.tone == .alert })
    }

    @Test func aSingleMachineShowHasNoVenueLineKeyOrHelp() {
        var console = ConsoleFixtures.console()
        let screen = plain(console, 160, 48)
        #expect(!screen.joined().contains("Venues"))
        #expect(!screen.joined().contains("V venues"))
        #expect(screen[2].hasPrefix("── Scene 2 of 16"))
        #expect(console.press(.character("V"), now: now) == [])
        #expect(console.mode == .normal)
        #expect(plain(console, 80, 24)[21] == " This show runs on one machine: there are no other venues.")
        _ = console.press(.character("?"), now: now)
        #expect(!plain(console, 160, 48).joined().contains("every venue of a shared show"))
    }

    @Test func theFooterAndTheHelpOfASharedShowOfferV() {
        var console = shared()
        #expect(plain(console, 160, 48).suffix(2).joined().contains("V venues"))
        _ = console.press(.character("?"), now: now)
        #expect(plain(console, 160, 48).joined().contains("V    every venue of a shared show"))
    }

    @Test func vOpensTheTableAndAnyKeyGoesBack() {
        var console = shared()
        #expect(console.press(.character("V"), now: now) == [])
        #expect(console.mode == .venues)
        let lines = plain(console, 80, 24)
        let screen = lines.joined(separator: "\n")
        #expect(screen.contains("── Venues · 3 of 4 linked · 412 phones ──"))
        #expect(lines.contains(" Venue                           Phones    Votes  Link                  To send"))
        #expect(lines.contains(" central (here)                     120     1033  linked                      0"))
        #expect(lines.contains(" east                               100      800  linked                     37"))
        #expect(lines.contains(" north                               92      700  not heard for 12 s          0"))
        #expect(lines.contains(" south                              100      500  linked                      0"))
        #expect(lines.contains(" All 4 venues                       412     3033  3 of 4 linked              37"))
        #expect(screen.contains("any key back to the show"))
        #expect(console.press(.character("x"), now: now) == [])
        #expect(console.mode == .normal)
    }

    @Test func theTableFollowsEachStateAndClosesWhenTheVenuesGo() {
        var console = shared()
        _ = console.press(.character("V"), now: now)
        let caughtUp = VenueFixtures.four.replacingOccurrences(of: #""behind":37"#, with: #""behind":2"#)
        console.receive(ConsoleFixtures.object(VenueFixtures.state(caughtUp)), now: now + 1)
        #expect(plain(console, 80, 24, at: now + 1).contains { $0.hasPrefix(" east ") && $0.hasSuffix("  2") })
        console.receive(ConsoleFixtures.object(ConsoleFixtures.state()), now: now + 2)
        #expect(console.venues == nil)
        #expect(console.mode == .normal)
        #expect(!plain(console, 80, 24).joined().contains("Venues"))
    }

    @Test func aModeratorMaySeeTheVenuesToo() {
        var console = shared()
        console.isModerator = true
        #expect(console.press(.character("V"), now: now) == [])
        #expect(console.mode == .venues)
    }

    @Test(arguments: [(80, 24), (60, 16), (160, 48), (100, 30)])
    func hostileNamesNeverReachTheTerminalAndLongOnesAreCut(size: (Int, Int)) {
        var console = shared(VenueFixtures.hostile)
        for mode in [ConsoleState.Mode.normal, .venues] {
            console.mode = mode
            let lines = ScreenLayout.render(console, width: size.0, height: size.1, now: now)
            #expect(lines.count == size.1)
            #expect(lines.allSatisfy { $0.width == size.0 })
            let text = lines.map(\.plain).joined(separator: "\n")
            #expect(!text.unicodeScalars.contains { ControlCharacters.isControl($0) && $0 != "\n" })
            #expect(!text.contains("\u{1B}"))
        }
        let table = plain(console, 80, 24)
        #expect(table.contains(" [2J ]0;pwned evil 31m                3        4  not heard for 3 s           5"))
        // The long name is cut to its column and keeps its mark; the wide one fits its columns.
        #expect(table.contains(" LlanfairpwllgwyngyllLl… (here)       1        2  linked                      0"))
        #expect(table.contains(" 会場会場会場会場会場会場会場…        7        8  not heard for 1 s           9"))
        console.mode = .normal
        let line = plain(console, 80, 24)[2]
        #expect(line == " Venues 1/3 linked · 11 phones · [2J ]0;pwned ev… silent 3 s, 5 to s…  V: venues")
    }

    @Test func theOneShotStatusPrintsTheVenuesTable() {
        let console = shared()
        let text = OneShotCommand.status(of: console.view, venues: console.venues, url: "ws://x/ws", now: now)
        #expect(text.contains("Venues 3/4 linked · 412 phones · north not heard for 12 s · east 37 votes to send"))
        #expect(text.contains("── Venues · 3 of 4 linked · 412 phones"))
        #expect(
            text.contains(
                "\n north" + String(repeating: " ", count: 41) + "92      700  not heard for 12 s          0\n"))
        let single = OneShotCommand.status(of: ConsoleFixtures.console().view, url: "ws://x/ws", now: now)
        #expect(!single.contains("Venues"))
    }

    /// The V screen at 80×24 against tests/console/golden/80x24-venues-swift.txt, masked as
    /// the tmux tests mask theirs (the clock); `UPDATE_GOLDEN=1` rewrites it.
    @Test func theVenuesScreenAt80x24MatchesItsGolden() throws {
        var console = shared()
        _ = console.press(.character("V"), now: now)
        var lines = plain(console, 80, 24).map { String($0.reversed().drop { $0 == " " }.reversed()) }
        lines[0] = lines[0].replacingOccurrences(
            of: #"\d\d:\d\d:\d\d"#, with: "HH:MM:SS", options: .regularExpression)
        let actual = lines.joined(separator: "\n") + "\n"
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("tests/console/golden/80x24-venues-swift.txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(actual == expected)
    }
}
