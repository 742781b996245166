import ForumCore
import ForumSession

/// The hub of a shared show in memory, as NATS's key-value entry and report subjects behave
/// for the sessions: one entry written with compare-and-set, each change delivered to every
/// venue still linked, reports passed to every venue. A venue can be cut off and healed.
final class VenueHub {
    private(set) var entry: [UInt8]?
    private(set) var revision: UInt64 = 0
    private var venues: [String: SessionDriver] = [:]
    /// Venues cut off: their writes fail, they hear nothing.
    var cut: Set<String> = []
    /// Every write's end, for the tests to look at.
    private(set) var results: [(venue: String, result: StageWriteResult)] = []

    /// A venue of the shared show: a session driver made one venue, linked to this hub.
    func venue(_ name: String, hostKey: String = SessionDriver.hostKey) -> SessionDriver {
        let driver = SessionDriver(hostKey: hostKey)
        driver.session.shareStage(asVenue: name)
        venues[name] = driver
        return driver
    }

    /// Carries out every venue's waiting writes (in venue name order), delivers each new
    /// revision to every linked venue, and passes on the reports; repeats until quiet.
    func settle() {
        var busy = true
        while busy {
            busy = false
            for (name, driver) in venues.sorted(by: { $0.key < $1.key }) {
                let writes = driver.stageWrites
                driver.stageWrites = []
                for write in writes {
                    busy = true
                    let result: StageWriteResult
                    if cut.contains(name) {
                        result = .failed("no responders available for request")
                    } else if write.expecting != revision {
                        result = .conflict
                    } else {
                        revision += 1
                        entry = write.bytes
                        result = .written(revision: revision)
                    }
                    results.append((name, result))
                    driver.apply(.stageWritten(ticket: write.ticket, result: result))
                    if case .written = result { deliver() }
                }
            }
            passReports()
        }
    }

    /// Writes `bytes` as the entry directly (as anyone with access to the bucket could).
    func overwrite(with bytes: [UInt8]) {
        revision += 1
        entry = bytes
        deliver()
    }

    /// A cut venue comes back: it hears the current entry (the watch starts again).
    func heal(_ name: String) {
        cut.remove(name)
        if let entry, let driver = venues[name] { driver.apply(.stageChanged(entry: entry, revision: revision)) }
    }

    private func deliver() {
        guard let entry else { return }
        for (name, driver) in venues where !cut.contains(name) {
            driver.apply(.stageChanged(entry: entry, revision: revision))
        }
    }

    private func passReports() {
        var reports: [(from: String, bytes: [UInt8])] = []
        for (name, driver) in venues {
            reports += driver.venueReports.map { (name, $0) }
            driver.venueReports = []
        }
        for report in reports where !cut.contains(report.from) {
            for (name, driver) in venues where !cut.contains(name) {
                driver.apply(.venueReported(report.bytes))
            }
        }
    }
}
