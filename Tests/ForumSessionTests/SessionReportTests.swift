import ForumCore
import Foundation
import Testing

/// The host's `report` command: the session asks the IO side for the report and nothing else
/// happens (no record, no ack, no state for anybody); only a host may ask.
@Suite struct SessionReportTests {
    @Test func aHostsReportIsAskedOfTheIOSideAndChangesNothing() {
        let driver = SessionDriver()
        let host = driver.join(.host).id
        let phone = driver.join(.audience).id
        driver.commit()
        _ = driver.take(host)
        driver.say(host, .command(.report(edition: .organisers)), ref: "r7")
        #expect(driver.reportsAsked.count == 1)
        #expect(driver.reportsAsked.first?.id == host && driver.reportsAsked.first?.ref == "r7")
        #expect(driver.reportsAsked.first?.edition == .organisers)
        #expect(driver.storing.isEmpty)
        #expect(driver.take(host).isEmpty && driver.take(phone).isEmpty)
    }

    @Test func onlyTheHostMayAsk() {
        let driver = SessionDriver()
        let phone = driver.join(.audience).id
        driver.say(phone, .command(.report(edition: .community)), ref: "r1")
        #expect(driver.reportsAsked.isEmpty)
        #expect(driver.take(phone).first?.errorCode == .forbidden)
        let screen = driver.join(.screen).id
        driver.say(screen, .command(.report(edition: .community)), ref: "r2")
        #expect(driver.reportsAsked.isEmpty)
    }
}
