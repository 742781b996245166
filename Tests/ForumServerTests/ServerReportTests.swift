import ForumCore
import Foundation
import Synchronization
import Testing

/// The host's `report` command on a real port: the report is built off the service thread
/// (a vote is acknowledged while a build is held up), sent to the host that asked, limited
/// to 2 at once, and refused with `report_failed` by a server that has no report.
@Suite struct ServerReportTests {
    /// A builder that waits until the test lets each build finish, and says which edition
    /// and which build it was.
    final class Gate: Sendable {
        let release = DispatchSemaphore(value: 0)
        let started = DispatchSemaphore(value: 0)
        let builds = Mutex(0)

        func build(_ edition: ReportEdition) -> String {
            let number = builds.withLock { count in
                count += 1
                return count
            }
            started.signal()
            release.wait()
            return "<!doctype html><p>report \(number), \(edition.rawValue) & \"co\"</p>"
        }
    }

    @Test func aReportIsBuiltOffTheServiceThreadAndSentToTheHostThatAsked() throws {
        let gate = Gate()
        let harness = try ServerHarness(buildReport: { gate.build($0) })
        let host = try harness.join(.host)
        let other = try harness.join(.host)
        let phone = try harness.join(.audience)
        try host.command(.start(story: "night"))
        try host.command(.next)
        try host.command(.open(seconds: nil))
        try phone.state { $0.status == .open }
        try host.send(.command(.report(edition: .organisers)), ref: "r1")
        // No edition: the community's (written by hand, as no HostCommand leaves it out).
        try host.sendRaw(#"{"type":"command","command":"report","ref":"r2"}"#)
        #expect(gate.started.wait(timeout: .now() + 5) == .success)
        // Two in hand: a third is refused at once.
        try host.send(.command(.report(edition: .community)), ref: "r3")
        #expect(try host.reply(to: "r3").errorCode == .overloaded)
        // The show goes on while a report is being built.
        #expect(try phone.vote("crisis").type == .ack)
        gate.release.signal()
        gate.release.signal()
        var reports: [ReportMessage] = []
        while reports.count < 2 { reports.append(try host.next(ReportMessage.self)) }
        #expect(reports.map(\.ref) == ["r1", "r2"])
        #expect(reports.map(\.edition) == [.organisers, .community])
        #expect(reports[0].html == "<!doctype html><p>report 1, organisers & \"co\"</p>")
        #expect(reports[1]["built_at"]?.stringValue?.hasSuffix("Z") == true)
        // Only the host that asked gets it: the other host, asked something after the reports
        // were sent, has had no report before its answer.
        try other.send(.command(.results(.hidden)), ref: "o1")
        var seen: [ServerMessageType] = []
        while true {
            let message = try other.next()
            seen.append(message.type)
            if message.ref == "o1" { break }
        }
        #expect(!seen.contains(.report))
    }

    @Test func aServerWithNoReportSaysSo() throws {
        let harness = try ServerHarness()
        let host = try harness.join(.host)
        try host.send(.command(.report(edition: .community)), ref: "r1")
        let answer = try host.reply(to: "r1")
        #expect(answer.errorCode == .reportFailed)
    }
}
