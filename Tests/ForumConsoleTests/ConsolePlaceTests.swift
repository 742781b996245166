import ForumCore
import Foundation
import Testing

@testable import ForumConsole

/// The console's side of "in the room or remote": `G` and `:split place`, the split table by
/// place marked by the room's rule, the room panel's line and the info screen's remote link.
@Suite("Console: in the room or remote")
struct ConsolePlaceTests {
    let now = Date(timeIntervalSince1970: 100)

    /// A host state of a round split by place: 5 in the room, 2 remote (exact, as hosts get it).
    static func placeState(splitBy: String = "place", split: Bool = true) -> String {
        ConsoleFixtures.state(counts: ["police": 5, "wait-for-gp": 2], split: split)
            .replacingOccurrences(of: #""split":\#(split)"#, with: #""split":\#(split),"split_by":"\#(splitBy)""#)
            .replacingOccurrences(
                of: #""small_groups":[]}"#,
                with: #"""
                    "small_groups":[],"by_place":{"room":{"police":5,"crisis-line":0,"wait-for-gp":0},
                     "remote":{"police":0,"crisis-line":0,"wait-for-gp":2}},
                     "no_place":{"police":0,"crisis-line":0,"wait-for-gp":0}}
                    """#
            )
            .replacingOccurrences(
                of: #""audience":{"connected":9,"voted":7}"#,
                with: #""audience":{"connected":9,"voted":7,"by_place":{"room":5,"remote":3},"no_place":1}"#)
    }

    @Test func gSplitsByPlaceAndAgainStops() {
        var console = ConsoleFixtures.console()
        #expect(
            console.press(.character("G"), now: now) == [
                .send(.split(true, by: .place))
            ])
        console.receive(ConsoleFixtures.object(Self.placeState()), now: now)
        #expect(console.view.place.splitByPlace && console.isSplit)
        #expect(console.press(.character("G"), now: now) == [.send(.split(false))])
    }

    @Test func theCommandLineTakesSplitPlace() {
        #expect(
            ConsoleInput.parse("split place")
                == .success(.command(.split(true, by: .place))))
        #expect(ConsoleInput.parse("split on") == .success(.command(.split(true))))
    }

    @Test func theSplitTableShowsPlacesAndMarksWhatTheRoomCannotSee() {
        let console = ConsoleFixtures.console(state: Self.placeState())
        let rows = SplitTable.rows(console.view)
        #expect(rows.map(\.label) == ["Everyone", "In the room", "Following remotely"])
        #expect(rows.map(\.total) == [7, 5, 2])
        let room = RoomView(console.view)
        #expect(room.mark(for: .place(.remote)) == " <5")
        #expect(room.mark(for: .place(.room)) == "  ·", "the room row would give the remote two away")
        #expect(room.summary.contains("Room sees no split"))
    }

    @Test func theRoomPanelCountsPhonesInTheRoomAndRemote() throws {
        let console = ConsoleFixtures.console(state: Self.placeState())
        #expect(console.view.place.connectedByPlace == ["room": 5, "remote": 3])
        let line = try #require(RoomPanel.placeLine(console.view))
        #expect(line.plain == " In the room 5  Following remotely 3  Did not say 1  ")
        let nobody = ConsoleFixtures.console()
        #expect(RoomPanel.placeLine(nobody.view) == nil, "no line before anyone says a place")
    }

    @Test func theInfoScreenShowsTheRemoteLink() {
        var console = ConsoleFixtures.console()
        guard case .welcome(var welcome) = ConsoleFixtures.object(ConsoleFixtures.welcome) else {
            Issue.record("the fixture is a welcome")
            return
        }
        welcome.remote = RemoteJoin(url: "https://forum.example.org/?place=remote", qr: nil)
        console.receive(.welcome(welcome), now: now)
        let lines = InfoScreen.lines(console, width: 80, height: 24, glyphs: .unicode)
        #expect(lines.contains { $0.plain.contains("Remote people    https://forum.example.org/?place=remote") })
    }
}
