import ForumCore
import Foundation
import Testing

@Suite("Protocol: the host's report command and the report message")
struct ReportCommandTests {
    func decode(_ text: String) -> Result<(ClientMessage, ref: String?), ProtocolError> {
        ClientMessageDecoder.decode(Array(text.utf8))
    }

    @Test func theEditionIsCommunityUnlessTheOrganisersAreNamed() throws {
        #expect(
            try decode(#"{"type":"command","command":"report","ref":"r1"}"#).get().0
                == .command(.report(edition: .community)))
        #expect(
            try decode(#"{"type":"command","command":"report","args":{"edition":"organisers"}}"#).get().0
                == .command(.report(edition: .organisers)))
        guard case .failure(let error) = decode(#"{"type":"command","command":"report","args":{"edition":"all"}}"#)
        else {
            Issue.record("an unknown edition was accepted")
            return
        }
        #expect(error.code == "bad_message" && error.message.contains("community or organisers"))
        #expect(HostCommand.names.contains("report") && HostCommand.report(edition: .community).name == .report)
    }

    @Test func theShowDoesNotChangeForAReport() throws {
        var show = Show(library: ShowFixtures.library)
        _ = try show.perform(.start(story: ShowFixtures.library.stories[0].id), at: Date())
        let before = show.snapshot
        // The session answers a report without the show; were it given one, nothing moves.
        #expect(try show.perform(.report(edition: .organisers), at: Date()) == [.snapshot(before)])
        #expect(show.snapshot == before)
    }

    @Test func theReportMessageCarriesTheHTMLAsText() throws {
        let html = "<!doctype html><p>\"Sam\" & Maya</p>\n"
        let message = ServerMessages.report(
            ref: "r1", edition: .organisers, html: html, builtAt: Date(timeIntervalSince1970: 1_800_000_000))
        guard case .report(let report)? = ServerMessage(bytes: message.bytes) else {
            Issue.record("not a report message: \(String(decoding: message.bytes, as: UTF8.self))")
            return
        }
        #expect(report.ref == "r1" && report.edition == .organisers && report.html == html)
        #expect(report["built_at"] == .string("2027-01-15T08:00:00.000Z"))
        #expect(report.bytes == message.bytes, "the type writes back the very bytes")
    }
}
