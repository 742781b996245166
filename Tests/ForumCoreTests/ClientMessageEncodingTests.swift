import ForumCore
import Testing

@Suite("Protocol: what clients send, encoded as the server decodes it")
struct ClientMessageEncodingTests {
    static let messages: [ClientMessage] = [
        .hello(role: .audience, device: "d1", key: nil),
        .hello(role: .audience, device: nil, key: nil, stateAfterAck: false),
        .hello(role: .host, device: nil, key: "k"),
        .vote(decision: "D1", option: "police"), .perspective("carer"), .perspective(nil), .ping,
        .command(.start(story: "night")), .command(.next), .command(.back), .command(.goto(scene: "call")),
        .command(.open(seconds: nil)), .command(.open(seconds: 30)), .command(.close), .command(.reveal),
        .command(.follow), .command(.choose(option: "crisis")), .command(.replay(scene: nil)),
        .command(.replay(scene: "call")), .command(.end), .command(.session(id: "morning")),
        .command(.results(.everyone)), .command(.split(true)), .command(.finish), .command(.join(false)),
        .command(.undo), .command(.note(text: "The room \"laughed\".")),
        // *(addition)* place, the room's voice, the moderator and the live report.
        .hello(role: .audience, device: "d2", key: nil, place: .remote),
        .hello(role: .moderator, device: nil, key: "m"),
        .place(.room), .place(nil), .intervene(on: true), .intervene(on: false), .propose(text: "Call her \"sister\""),
        .command(.split(true, by: .place)), .command(.split(false, by: .perspective)), .command(.acknowledge),
        .command(.stops(true)), .command(.proposals(false)), .command(.showProposals(true)),
        .command(.approve(proposal: "P1")), .command(.reject(proposal: "P2")),
        .command(.merge(proposal: "P3", into: "P1")), .command(.adopt(proposal: "P1")),
        .command(.report(edition: .community)), .command(.report(edition: .organisers)),
    ]

    @Test func everyMessageDecodesToItself() throws {
        for message in Self.messages {
            let decoded = try ClientMessageDecoder.decode(message.json(ref: "r1").bytes).get()
            #expect(decoded.0 == message, "\(message.json().text)")
            #expect(decoded.ref == "r1")
        }
        #expect(
            ClientMessage.vote(decision: "D1", option: "a").json().text
                == #"{"type":"vote","decision":"D1","option":"a"}"#)
    }

    @Test func everyCommandNameIsEncoded() {
        let names = Set(
            Self.messages.compactMap { message -> HostCommandName? in
                if case .command(let command) = message { return command.name }
                return nil
            })
        #expect(names == Set(HostCommandName.allCases))
    }
}
