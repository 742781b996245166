import Foundation
import Testing

@testable import ForumConsole

@Suite("What the host sees: the info panel, the room by perspective, plurals")
struct InfoAndRoomTests {
    let now = Date(timeIntervalSince1970: 0)

    /// The fixture state with the phones by perspective that a current server sends the host.
    private func console(serve: Bool = true) -> ConsoleState {
        let json = ConsoleFixtures.state().replacingOccurrences(
            of: #""audience":{"connected":9,"voted":7}"#,
            with: #""audience":{"connected":9,"voted":7,"by_perspective":{"carer":3,"police":1},"no_perspective":5}"#)
        var console = ConsoleFixtures.console(role: serve ? .serve : .remote, state: json)
        console.hostKey = "k3y-for-the-host"
        return console
    }

    private func plain(_ console: ConsoleState, _ width: Int, _ height: Int) -> [String] {
        ScreenLayout.render(console, width: width, height: height, now: now).map(\.plain)
    }

    @Test func iOpensThePanelWithTheAddressesTheKeyAndTheRoomAndAnyKeyCloses() {
        var console = console()
        #expect(console.view.connectedByPerspective == ["carer": 3, "police": 1])
        #expect(console.view.connectedWithoutPerspective == 5)
        #expect(console.press(.character("i"), now: now) == [])
        #expect(console.mode == .info)
        for size in [(80, 24), (160, 48)] {
            let lines = plain(console, size.0, size.1)
            #expect(lines.count == size.1)
            let screen = lines.joined(separator: "\n")
            #expect(screen.contains("Phones join at   http://10.0.0.2:8080/"))
            #expect(screen.contains("Projector        http://10.0.0.2:8080/screen"))
            #expect(screen.contains("Host key         k3y-for-the-host"))
            #expect(screen.contains("forum host ws://10.0.0.2:8080/ws --key k3y-for-the-host"))
            #expect(screen.contains("Room · 9 phones connected"))
            #expect(screen.range(of: #"Police\s+1"#, options: .regularExpression) != nil)
            #expect(screen.range(of: #"Family member or carer\s+3"#, options: .regularExpression) != nil)
            #expect(screen.range(of: #"No perspective given\s+5"#, options: .regularExpression) != nil)
            #expect(screen.contains("any key back to the show"))
        }
        #expect(console.press(.character("x"), now: now) == [])
        #expect(console.mode == .normal)
    }

    @Test func theWideScreenShowsTheRoomBeforeAndDuringAVote() {
        let screen = plain(console(), 160, 48).joined(separator: "\n")
        #expect(screen.contains("Room · 9 phones connected"))
        #expect(screen.range(of: #"Family member or carer\s+3"#, options: .regularExpression) != nil)
        #expect(screen.range(of: #"No perspective given\s+5"#, options: .regularExpression) != nil)
        let pending = ConsoleFixtures.state(status: "pending", round: nil, counts: [:]).replacingOccurrences(
            of: #""audience":{"connected":9,"voted":0}"#,
            with: #""audience":{"connected":2,"voted":0,"by_perspective":{"carer":0,"police":2},"no_perspective":0}"#)
        let before = plain(ConsoleFixtures.console(state: pending), 160, 48).joined(separator: "\n")
        #expect(before.contains("Room · 2 phones connected"))
        #expect(before.range(of: #"Police\s+2"#, options: .regularExpression) != nil)
        #expect(!before.contains("Family member or carer "))
        #expect(!before.contains("No perspective given"))
    }

    @Test func aServerThatDoesNotCountByPerspectiveShowsNoRoomPanel() {
        let screen = plain(ConsoleFixtures.console(), 160, 48).joined(separator: "\n")
        #expect(!screen.contains("Room ·"))
        var console = ConsoleFixtures.console()
        _ = console.press(.character("i"), now: now)
        let info = plain(console, 80, 24).joined(separator: "\n")
        #expect(info.contains("9 phones connected."))
        #expect(info.contains("forum host ws://10.0.0.2:8080/ws --key KEY"))
    }

    @Test func remoteAddressesFollowTheJoinAddress() {
        #expect(InfoScreen.remoteAddress("http://forum.local:9000/", fallback: "x") == "ws://forum.local:9000/ws")
        #expect(InfoScreen.remoteAddress("https://venue.example/", fallback: "x") == "wss://venue.example/ws")
        #expect(InfoScreen.remoteAddress(nil, fallback: "ws://127.0.0.1:8080/ws") == "ws://127.0.0.1:8080/ws")
    }

    @Test func oneSceneIsOneSceneNotOneScenes() {
        let welcome = ConsoleFixtures.welcome.replacingOccurrences(of: #""scenes":16"#, with: #""scenes":1"#)
        var console = ConsoleState(role: .remote, address: "ws://127.0.0.1:8080/ws")
        console.receive(ConsoleFixtures.object(welcome), now: now)
        console.receive(ConsoleFixtures.object(#"{"type":"state","session":null,"story":null}"#), now: now)
        let screen = plain(console, 100, 30).joined(separator: "\n")
        #expect(screen.contains("1 scene ·"))
        #expect(!screen.contains("1 scenes"))
        #expect(screen.contains("15 scenes"))
    }

    @Test func thePathShowsEveryStepAlsoAfterALoop() {
        let json = ConsoleFixtures.state().replacingOccurrences(
            of: #""trail":["kitchen"]"#, with: #""trail":["kitchen","the-call","kitchen"]"#)
        let screen = plain(ConsoleFixtures.console(state: json), 160, 48).joined(separator: "\n")
        #expect(screen.contains("Path  kitchen › the-call › kitchen › the-call"))
    }

    @Test func theHelpAndFooterListUndoAndInfo() {
        #expect(KeyBindings.all.contains { $0.keys == "u" && $0.label == "undo" })
        #expect(KeyBindings.all.contains { $0.keys == "i" && $0.label == "info" })
        var console = console()
        _ = console.press(.character("?"), now: now)
        let help = plain(console, 80, 24).joined(separator: "\n")
        #expect(help.contains("undo the last move"))
        #expect(help.contains("addresses, host key, the room"))
    }
}
