import ArgumentParser
import ForumExport
import Foundation

/// `forum export --db FILE --out DIR`: writes the show's results as CSV and JSON.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the votes of a show as CSV and JSON.",
        discussion: """
            Writes votes.csv and votes.json (one row per final vote: the latest vote of each \
            phone in each round) and rounds.csv and rounds.json (one row per option of each \
            round, with counts overall and by perspective). Counts are exact: hide small \
            groups before showing them to people. Safe while the show is running.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The show's database file.", valueName: "file"))
    var db: String

    @Option(name: .long, help: ArgumentHelp("The folder to write into (created if missing).", valueName: "dir"))
    var out: String

    func run() throws {
        // A missing or foreign database file is a StoreError, printed as its sentence.
        let files = try Exporter(databasePath: db).export(to: URL(fileURLWithPath: out, isDirectory: true))
        for file in files {
            let path = URL(fileURLWithPath: out, isDirectory: true).appendingPathComponent(file.name).path
            print("wrote \(path) (\(file.rows) \(file.rows == 1 ? "row" : "rows"))")
        }
    }
}
