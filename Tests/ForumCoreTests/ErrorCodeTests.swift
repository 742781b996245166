import ForumCore
import Foundation
import Testing

@Suite("Error codes: the type and the protocol's table agree")
struct ErrorCodeTests {
    /// The codes in the first column of docs/protocol.md's table of errors.
    static func documentedCodes() throws -> Set<String> {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/protocol.md"), encoding: .utf8)
        guard let start = text.range(of: "## Errors") else { return [] }
        var codes: Set<String> = []
        for line in text[start.upperBound...].split(separator: "\n") {
            if line.hasPrefix("## ") { break }
            guard line.hasPrefix("| `"), let cell = line.dropFirst(2).split(separator: "|").first else { continue }
            for part in cell.split(separator: "`") where part.allSatisfy({ $0.isLowercase || $0 == "_" }) {
                codes.insert(String(part))
            }
        }
        return codes
    }

    @Test func everyDocumentedCodeIsATypeCaseAndEveryCaseIsDocumented() throws {
        let documented = try Self.documentedCodes()
        #expect(documented.count > 20)
        #expect(documented == Set(ErrorCode.allCases.map(\.rawValue)))
    }

    @Test func anErrorKnowsItsCode() {
        #expect(ProtocolError(.overloaded, "busy").code == "overloaded")
        #expect(ProtocolError("tie", "a tie").errorCode == .tie)
        #expect(ProtocolError("made_up", "?").errorCode == nil)
    }
}
