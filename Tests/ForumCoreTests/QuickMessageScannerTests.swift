import Foundation
import Testing

@testable import ForumCore

@Suite("The quick scanner for votes and pings agrees with the full decoder")
struct QuickMessageScannerTests {
    static let taken = [
        #"{"type":"vote","decision":"D1","option":"police","ref":"v12"}"#,
        #"{ "type" : "vote" , "option" : "crisis-line" , "decision" : "D17" }"#,
        "{\"type\":\"vote\",\n\"decision\":\"D1\",\t\"option\":\"x\"}\n",
        #"{"type":"ping"}"#,
        #"{"type":"ping","ref":"p1","pad":"xxxx"}"#,
        #"{"ref":"","type":"vote","decision":"","option":""}"#,
    ]

    static let left = [
        #"{"type":"vote","decision":"D1","option":"pol\u0069ce"}"#,
        #"{"type":"vote","decision":"D1"}"#,
        #"{"type":"vote","decision":"D1","option":"a","option":"b"}"#,
        #"{"type":"vote","decision":1,"option":"a"}"#,
        #"{"type":"vote","decision":"D1","option":"a"} x"#,
        #"{"type":"vote","decision":"D1","option":"a",}"#,
        #"{"type":"hello","role":"audience"}"#,
        #"{"type":"ping","pad":"a","pad":"b"}"#,
        #"{"type":"vote","decision":"D1","option":"caf\#u{E9}"}"#,
        #"{"type":"vote","decision":"D1","option":""# + String(repeating: "o", count: 201) + #""}"#,
        #"["type","ping"]"#, "", "{", #"{"type":"ping""#, #"{"type":null}"#,
    ]

    @Test(arguments: taken)
    func theQuickPathTakesThePlainMessagesWithTheSameAnswer(text: String) throws {
        let quick = try #require(QuickMessageScanner.decode(Array(text.utf8)))
        let full = try ClientMessageDecoder.decodeFully(Array(text.utf8)).get()
        #expect(quick.0 == full.0)
        #expect(quick.ref == full.ref)
    }

    @Test(arguments: left)
    func everythingElseIsLeftToTheFullDecoder(text: String) {
        #expect(QuickMessageScanner.decode(Array(text.utf8)) == nil)
        // The decoder as a whole still answers exactly as the full one.
        let whole = ClientMessageDecoder.decode(Array(text.utf8))
        let full = ClientMessageDecoder.decodeFully(Array(text.utf8))
        switch (whole, full) {
        case (.success(let a), .success(let b)): #expect(a.0 == b.0 && a.ref == b.ref)
        case (.failure(let a), .failure(let b)): #expect(a == b)
        default: Issue.record("the decoders disagree on \(text)")
        }
    }
}
