import Foundation
import Testing

@testable import ForumConsole

@Suite("The console and the room's voice: the stop count, proposals, the keys and commands")
struct ConsoleVoiceTests {
    let now = Date(timeIntervalSince1970: 100)

    /// The fixture's host state with a `room` member.
    static func state(room: String) -> String {
        var json = ConsoleFixtures.state()
        json.removeLast(json.count - json.lastIndex(of: "}")!.utf16Offset(in: json))
        return json + #","room":"# + room + "}"
    }

    static let room = """
        {"visit":3,"proposals_open":true,"stops":14,"acknowledged":null,"stops_shown":false,
         "proposals_shown":false,"queue":[
          {"id":"P1","text":"Call her \\u001b[2Jsister","status":"pending","merged_into":null,"option":null},
          {"id":"P2","text":"Sit with her","status":"approved","merged_into":null,"option":null}]}
        """

    @Test func theLineUnderTheHeaderTellsTheStopsAndTheQueueSanitized() throws {
        let console = ConsoleFixtures.console(state: Self.state(room: Self.room))
        #expect(console.voice.stops == 14 && console.voice.waiting.map(\.id) == ["P1"] && console.voice.approved == 1)
        let screen = ScreenLayout.render(console, width: 160, height: 30, now: now).map(\.plain).joined(separator: "\n")
        #expect(screen.contains("Stop: 14 want to step in (a: acknowledge)"))
        #expect(screen.contains("1 waiting: P1 “Call her  [2Jsister”"))
        #expect(!screen.contains("\u{1B}"))
        // Without news (or from a server without the room's voice) there is no such line.
        let quiet = ConsoleFixtures.console()
        let plain = ScreenLayout.render(quiet, width: 100, height: 30, now: now).map(\.plain).joined(separator: "\n")
        #expect(!plain.contains("Stop:") && !plain.contains("waiting"))
    }

    @Test func keysAcknowledgeAndToggleProposals() {
        var console = ConsoleFixtures.console(state: Self.state(room: Self.room))
        #expect(console.press(.character("a"), now: now) == [.send(.acknowledge)])
        #expect(console.press(.character("w"), now: now) == [.send(.proposals(false))])
    }

    @Test func typedModerationCommands() {
        #expect(
            ConsoleInput.parse(":approve p3") == .success(.command(.approve(proposal: "P3"))))
        #expect(
            ConsoleInput.parse("merge P4 P3")
                == .success(.command(.merge(proposal: "P4", into: "P3"))))
        #expect(ConsoleInput.parse("ideas on") == .success(.command(.showProposals(true))))
        #expect(ConsoleInput.parse("stops off") == .success(.command(.stops(false))))
        #expect(ConsoleInput.parse("ack") == .success(.command(.acknowledge)))
        guard case .failure = ConsoleInput.parse("merge P4") else {
            Issue.record("merge needs two proposals")
            return
        }
    }
}
