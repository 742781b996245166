import ForumCore
import ForumReport

/// The live report `forum serve` sends a host who asks (`/report`, the `report` command):
/// the same page as `forum report`'s `index.html`, built from the show's database on a
/// read-only connection opened for each report (WAL: it sees the last commit and never
/// blocks the show's writer).
enum LiveReport {
    /// The builder handed to the server.
    static func builder(databasePath: String, library: Library) -> @Sendable (ReportEdition) throws -> String {
        let reporter = Reporter(databasePath: databasePath, library: library)
        return { edition in try reporter.html(edition: edition) }
    }
}
