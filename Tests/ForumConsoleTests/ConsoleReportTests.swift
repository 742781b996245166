import Foundation
import Testing

@testable import ForumConsole

@Suite("Console: :report says where the live report is")
struct ConsoleReportTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func reportParsesAndTakesNothingAfterIt() {
        #expect(ConsoleInput.parse(":report") == .success(.report))
        #expect(ConsoleInput.parse("REPORT ") == .success(.report))
        #expect(ConsoleInput.parse(":report now") == .failure(ConsoleInputError("report takes nothing after it")))
    }

    @Test func theAddressComesFromAJoinAddressOrTheHostsWebSocket() {
        #expect(ReportAddress.url(for: "http://10.0.0.2:8080/") == "http://10.0.0.2:8080/report")
        #expect(ReportAddress.url(for: "https://forum.example.org/show/") == "https://forum.example.org/show/report")
        #expect(ReportAddress.url(for: "ws://127.0.0.1:9000/ws") == "http://127.0.0.1:9000/report")
        #expect(ReportAddress.url(for: "wss://forum.example.org/ws") == "https://forum.example.org/report")
        #expect(
            ReportAddress.line(joinURLs: ["http://a:1/", "http://b:1/"])
                == "Live report: open http://a:1/report in a browser (it asks for the host key); also http://b:1/report"
        )
    }

    @Test func typingReportShowsTheAddressAndSendsNothing() {
        var console = ConsoleFixtures.console()
        _ = console.press(.character(":"), now: now)
        for character in "report" { _ = console.press(.character(character), now: now) }
        #expect(console.press(.enter, now: now) == [])
        #expect(
            console.notice
                == .init(
                    kind: .info,
                    text: "Live report: open http://10.0.0.2:8080/report in a browser (it asks for the host key)",
                    until: nil))
    }
}
