import ForumCore
import Foundation
import Testing

@testable import ForumConsole

/// What the host types becomes a ``HostCommand``, and that command goes on the wire as the
/// server's decoder reads it: one typed protocol, from the prompt to the show.
@Suite("Typed console commands")
struct ConsoleTypedCommandTests {
    /// Lines as the host types them and the command each one means.
    static let lines: [(String, HostCommand)] = [
        ("next", .next), (":back", .back), ("close", .close), ("reveal", .reveal), ("follow", .follow),
        ("end", .end), ("finish", .finish), ("undo", .undo), ("start sams-night", .start(story: "sams-night")),
        ("goto the-call", .goto(scene: "the-call")), ("open", .open(seconds: nil)), ("open 90", .open(seconds: 90)),
        ("choose police", .choose(option: "police")), ("choose 2", .choose(option: "2")),
        ("replay", .replay(scene: nil)), ("replay kitchen", .replay(scene: "kitchen")),
        ("session afternoon", .session(id: "afternoon")), ("results SCREEN", .results(.screen)),
        ("split on", .split(true)), ("split off", .split(false)), ("split place", .split(true, by: .place)),
        ("join on", .join(true)), ("note the GP line rang out", .note(text: "the GP line rang out")),
        ("ack", .acknowledge), ("stops on", .stops(true)), ("proposals off", .proposals(false)),
        ("ideas on", .showProposals(true)), ("show_proposals off", .showProposals(false)),
        ("approve p3", .approve(proposal: "P3")), ("reject P4", .reject(proposal: "P4")),
        ("merge p4 p3", .merge(proposal: "P4", into: "P3")), ("adopt P3", .adopt(proposal: "P3")),
    ]

    @Test func typedLinesAreHostCommands() {
        for (line, command) in Self.lines {
            #expect(ConsoleInput.parse(line) == .success(.command(command)), "\(line)")
        }
    }

    @Test func everyTypedCommandDecodesAsSentOnTheServer() throws {
        for (line, command) in Self.lines {
            let bytes = Array(ClientMessage.command(command).json(ref: "h1").text.utf8)
            let decoded = try ClientMessageDecoder.decode(bytes).get()
            #expect(decoded.0 == .command(command), "\(line)")
            #expect(decoded.ref == "h1")
        }
    }

    @Test func theWireSpellsTheProtocolsNames() {
        #expect(
            ClientMessage.command(.split(true, by: .place)).json(ref: "h2").text
                == #"{"type":"command","command":"split","args":{"on":true,"by":"place"},"ref":"h2"}"#)
        #expect(
            ClientMessage.command(.showProposals(true)).json(ref: "h3").text
                == #"{"type":"command","command":"show_proposals","args":{"on":true},"ref":"h3"}"#)
        #expect(ClientMessage.command(.next).json(ref: "h4").text == #"{"type":"command","command":"next","ref":"h4"}"#)
    }

    @Test func linesThatAreNoCommandSaySo() {
        let refused: [(String, String)] = [
            ("results loud", "results needs a mode: results hidden, results screen or results everyone"),
            ("open soon", "open takes an optional number of seconds: open 60"),
            ("split maybe", "split needs on or off: split on"), ("join", "join needs on or off: join on"),
            ("goto", "goto needs a scene id: goto A SCENE ID"), ("next now", "next takes nothing after it"),
            ("stops", "stops needs on or off: stops on"), ("approve", "approve needs a proposal: approve P3"),
        ]
        for (line, message) in refused {
            #expect(ConsoleInput.parse(line) == .failure(ConsoleInputError(message)), "\(line)")
        }
        guard case .failure(let error) = ConsoleInput.parse("nxt") else {
            Issue.record("nxt should not parse")
            return
        }
        #expect(error.message == "unknown command 'nxt': did you mean 'next'? (type help for the list)")
    }

    @Test func aModeratorsLineRunsOnlyModeration() {
        var console = ConsoleFixtures.console(state: ConsoleFixtures.state(counts: [:]))
        console.isModerator = true
        console.mode = .commandLine("next")
        #expect(console.press(.enter, now: Date(timeIntervalSince1970: 100)).isEmpty)
        #expect(console.notice?.text == "Only the host can do that: m moderates the proposals.")
        console.mode = .commandLine("approve P1")
        #expect(console.press(.enter, now: Date(timeIntervalSince1970: 100)) == [.send(.approve(proposal: "P1"))])
    }

    @Test func anAnswerNamesTheCommandItAnswers() {
        var console = ConsoleFixtures.console(state: ConsoleFixtures.state(counts: [:]))
        let now = Date(timeIntervalSince1970: 100)
        console.sent(.showProposals, ref: "h9", now: now)
        #expect(console.waiting == ["h9": .showProposals])
        console.receive(.error(ErrorMessage(code: "no_decision", message: "No decision here.", ref: "h9")), now: now)
        #expect(console.notice?.text == "show_proposals refused: No decision here.")
        #expect(console.waiting.isEmpty)
    }
}
