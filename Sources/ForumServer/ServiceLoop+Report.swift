import ForumCore
import ForumSession
import Foundation

/// Where reports are built: one at a time, on a thread of their own, never the lws service
/// thread, so a report of a big show never holds up a vote.
private let reportQueue = DispatchQueue(label: "forum-report", qos: .utility)

extension ServiceLoop {
    /// At most this many reports asked for and not yet sent; more are refused (`overloaded`).
    static let reportsAtOnce = 2

    /// Builds the report a host asked for (``ServerConfiguration/buildReport``) off the
    /// service thread, encodes its `report` message there too, and posts it back through the
    /// mailbox to be sent to `id` (gone by then: dropped).
    func buildReport(for id: ConnectionID, ref: String?, edition: ReportEdition) {
        guard let build = configuration.buildReport else {
            let error = ServerMessages.error(
                code: ErrorCode.reportFailed.rawValue, message: "This server cannot build the report.", ref: ref)
            send(error.bytes, to: id, kind: .reply)
            return
        }
        guard reportsBuilding < Self.reportsAtOnce else {
            let error = ServerMessages.error(
                code: ErrorCode.overloaded.rawValue, message: "A report is being built already: try again in a moment.",
                ref: ref)
            send(error.bytes, to: id, kind: .reply)
            return
        }
        reportsBuilding += 1
        let mailbox = self.mailbox
        let logger = self.logger
        reportQueue.async {
            let clock = ContinuousClock()
            let started = clock.now
            let bytes: [UInt8]
            do {
                let html = try build(edition)
                bytes = ServerMessages.report(ref: ref, edition: edition, html: html, builtAt: Date()).bytes
                let elapsed = clock.now - started
                logger.info(
                    "report built",
                    metadata: ["edition": "\(edition.rawValue)", "bytes": "\(html.utf8.count)", "took": "\(elapsed)"])
            } catch {
                logger.error("the report could not be built", metadata: ["error": "\(error)"])
                bytes =
                    ServerMessages.error(
                        code: ErrorCode.reportFailed.rawValue, message: "The report could not be built (\(error)).",
                        ref: ref
                    ).bytes
            }
            mailbox.post(.reportBuilt(id, bytes))
        }
    }
}
