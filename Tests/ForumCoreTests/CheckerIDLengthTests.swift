import Testing

@testable import ForumCore

/// Ids the checker accepts are ids the live protocol accepts: no longer than its field limit.
@Suite("forum check: id lengths follow the protocol's limit")
struct CheckerIDLengthTests {
    static let long = String(repeating: "a", count: 201)
    static let longest = String(repeating: "b", count: 200)

    @Test func anOptionIdTooLongToVoteForIsAnError() {
        let result = ScenarioChecking.story(
            """
            title: Sam's night
            scenes:
              - id: call
                text: Maya picks up her phone.
                decision:
                  question: Who should Maya call?
                  options:
                    - { id: \(Self.long), label: Police }
                    - { id: \(Self.longest), label: GP }
            """)
        #expect(result.lines == ["8:17 error: this option id is 201 characters long; ids can be at most 200"])
        #expect(result.hints == ["shorten it: an id only has to tell this option from the others, such as `the-call`"])
        #expect(result.story == nil)
    }

    @Test func theLimitIsTheProtocols() throws {
        #expect(Identifier.maximumLength == ClientMessageDecoder.maximumFieldLength)
        // The longest id the checker accepts can be sent in a vote.
        let vote = #"{"type":"vote","decision":"D1","option":"\#(Self.longest)"}"#
        let decoded = try ClientMessageDecoder.decode(Array(vote.utf8)).get()
        #expect(decoded.0 == .vote(decision: "D1", option: Self.longest))
        let tooLong = #"{"type":"vote","decision":"D1","option":"\#(Self.long)"}"#
        #expect(throws: ProtocolError.self) { try ClientMessageDecoder.decode(Array(tooLong.utf8)).get() }
    }

    @Test func aStoryFileNameTooLongIsAnError() {
        let result = ScenarioChecking.story(ScenarioChecking.minimal, file: "scenarios/\(Self.long).yaml")
        #expect(
            result.lines == [
                "1:1 error: the file name is 201 characters long without `.yaml`; story ids can be at most 200"
            ])
    }
}
