import ArgumentParser
import ForumReport
import Foundation

import enum ForumCore.ReportEdition

extension ReportEdition: ExpressibleByArgument {}

/// `forum report --db FILE --out DIR`: writes the show's report as HTML and JSON.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the show's report: index.html to read and print, report.json for analysts.",
        discussion: """
            The community edition (the default) hides every group of fewer than 5 people, as the \
            room's screens do, and is safe to publish. The organisers' edition has exact counts \
            and says on every page that it is not for publication. Safe while the show is running.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The show's database file.", valueName: "file"))
    var db: String

    @Option(name: .long, help: ArgumentHelp("The folder to write into (created if missing).", valueName: "dir"))
    var out: String

    @Option(name: .long, help: "community (safe to publish) or organisers (exact counts).")
    var edition: ReportEdition = .community

    @Option(help: ArgumentHelp("The scenarios folder, for story maps and perspective names.", valueName: "dir"))
    var scenarios: String = "scenarios"

    func run() throws {
        let library = (try? StoryFolder.load(path: scenarios))?.library
        if library == nil {
            FileHandle.standardError.write(
                Data("forum report: no stories could be read from \(scenarios): the report has no story maps\n".utf8))
        }
        let files = try Reporter(databasePath: db, library: library)
            .write(to: URL(fileURLWithPath: out, isDirectory: true), edition: edition)
        for file in files { print("wrote \(file.path)") }
    }
}
