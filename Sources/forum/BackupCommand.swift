import ArgumentParser
import ForumStore
import Foundation

/// `forum backup --db FILE --out COPY`: a complete copy of the show's database, safe while the
/// show is running (a plain `cp` during a show can miss every vote still in the WAL).
struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the show's database safely, also while the show is running.",
        discussion: """
            Uses SQLite's online backup: the copy holds every vote stored up to the moment it \
            was taken, in one file that stands on its own. Do not copy the database with cp \
            while the show runs: recent votes live in the write-ahead log beside it, and a \
            plain copy can come out empty. The copy is never written over an existing file.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The show's database file.", valueName: "file"))
    var db: String

    @Option(name: .long, help: ArgumentHelp("The new file to write the copy to.", valueName: "copy"))
    var out: String

    func run() throws {
        let database = try ForumDatabase.openForReading(path: db)
        defer { database.close() }
        let summary = try database.backup(to: out)
        let votes = summary.votes == 1 ? "1 vote" : "\(summary.votes) votes"
        let rounds = summary.rounds == 1 ? "1 round" : "\(summary.rounds) rounds"
        print("wrote \(summary.path) (\(votes), \(rounds), \(summary.bytes) bytes)")
    }
}
