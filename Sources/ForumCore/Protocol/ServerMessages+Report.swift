import Foundation

extension ServerMessages {
    /// `report` *(addition)*: the show's report, a whole standalone HTML page built from the
    /// database when the host asked (`command` `report`), for that host only. `ref` is the
    /// command's.
    public static func report(ref: String?, edition: ReportEdition, html: String, builtAt: Date) -> ReportMessage {
        ReportMessage(ref: ref, edition: edition, builtAt: builtAt, html: html)
    }
}
