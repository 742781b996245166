import ForumCore
import ForumStore
import Foundation

/// Writes `index.html` and `report.json` for a show's database: reads it read-only in one
/// transaction (safe while the show runs), builds the ``Report`` and renders it.
public struct Reporter: Sendable {
    public var databasePath: String
    /// The stories and event file, for the story maps and perspective names (nil: without).
    public var library: Library?

    /// A reporter for the database at `databasePath`.
    public init(databasePath: String, library: Library?) {
        self.databasePath = databasePath
        self.library = library
    }

    /// The report of one edition, without touching the disk.
    public func report(edition: ReportEdition) throws -> Report {
        let database = try ForumDatabase.openForReading(path: databasePath)
        let (results, stage) = try database.resultsAndStage()
        let title = (try? database.eventTitle()) ?? nil
        return ReportBuilder(
            results: results, stage: stage, eventTitle: title ?? library?.programme.title ?? "Forum event",
            programme: library?.programme, edition: edition
        ).build()
    }

    /// The report of one edition as its standalone HTML page (`index.html`), without
    /// touching the disk: what `forum serve` sends a host that asks for the live report.
    public func html(edition: ReportEdition) throws -> String {
        html(of: try report(edition: edition))
    }

    private func html(of report: Report) -> String {
        ReportHTML(report: report, stories: library?.stories ?? []).render()
    }

    /// Writes `index.html` and `report.json` into `directory` (created if missing, files
    /// replaced atomically) and returns their URLs.
    public func write(to directory: URL, edition: ReportEdition) throws -> [URL] {
        let report = try report(edition: edition)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let html = html(of: report)
        let files = [
            (directory.appendingPathComponent("index.html"), Data(html.utf8)),
            (directory.appendingPathComponent("report.json"), try Self.json(report)),
        ]
        for (url, data) in files { try data.write(to: url, options: .atomic) }
        return files.map(\.0)
    }

    /// `report.json`: pretty-printed, sorted snake_case keys, ending in a newline.
    public static func json(_ report: Report) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(report) + Data("\n".utf8)
    }
}
