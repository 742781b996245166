import ArgumentParser
import Foundation

/// `forum-bench`: measures a real `forum serve` (started here on a free port with a fresh
/// SQLite file) with hundreds of phones over loopback WebSockets: joining, scene fan-out,
/// vote bursts acknowledged only once durable, a sustained vote rate, memory and disk.
/// Exits non-zero if any vote is refused or a tally is wrong.
@main
struct ForumBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forum-bench",
        abstract: "Benchmark a real forum serve with many phones over loopback WebSockets.",
        discussion: """
            Starts `forum serve --headless` on a free port with a fresh database in a temporary \
            folder, connects the phones and a host, and prints a table (--json FILE for the figures). \
            Fails (exit 1) if any vote is refused, any ack is wrong or a tally differs from the votes.
            """
    )

    @Option(help: "How many phones connect.")
    var phones = 1000

    @Option(help: "Rounds of vote bursts (each: every phone votes at once, then every phone changes its vote).")
    var bursts = 3

    @Option(help: "Scene changes timed for the fan-out.")
    var fanouts = 20

    @Option(name: .customLong("sustained-rate"), help: "Votes a second in the sustained phase (all phones together).")
    var sustainedRate = 500.0

    @Option(name: .customLong("sustained-seconds"), help: "Length of the sustained phase; 0 skips it.")
    var sustainedSeconds = 10.0

    @Option(name: .customLong("join-window"), help: "Phones joining at the same time.")
    var joinWindow = 64

    @Option(help: ArgumentHelp("The forum binary (default: the one next to forum-bench).", valueName: "path"))
    var forum: String?

    @Option(help: ArgumentHelp("The scenarios folder the server plays.", valueName: "dir"))
    var scenarios = "scenarios"

    @Option(help: ArgumentHelp("The web pages folder the server needs.", valueName: "dir"))
    var web = "web"

    @Option(help: ArgumentHelp("The story to play (default: the first with a decision).", valueName: "id"))
    var story: String?

    @Option(
        name: .customLong("work-dir"),
        help: ArgumentHelp(
            "Where the fresh database folder is made (default: the system's temp folder).", valueName: "dir"))
    var workDirectory: String?

    @Option(
        name: .customLong("server-open-files"),
        help: ArgumentHelp(
            "Start the server with this soft limit on open files (default: the bench's).", valueName: "n"))
    var serverOpenFiles: Int?

    @Option(help: ArgumentHelp("Also write the figures as JSON to this file.", valueName: "file"))
    var json: String?

    @Flag(help: "Keep the database and the server's log.")
    var keep = false

    @Flag(
        name: .customLong("accept-overloaded"),
        help: ArgumentHelp(
            "Count the server's `overloaded` refusals in the sustained phase instead of failing on them "
                + "(to measure load shedding); the tally is then checked against each phone's last acknowledged vote."
        ))
    var acceptOverloaded = false

    @Option(
        name: .customLong("venue-url"),
        help: ArgumentHelp(
            "Venues mode: a running venue of one shared show (give it once per venue; the host is at the first); "
                + "the phones are spread over them round-robin and no server is started.",
            valueName: "ws://ip:port/ws"))
    var venueURLs: [String] = []

    @Option(
        name: .customLong("venue-name"),
        help: ArgumentHelp(
            "Venues mode: each venue's name (its --venue), in the order of --venue-url.", valueName: "name"))
    var venueNames: [String] = []

    @Option(
        name: .customLong("venue-archive"),
        help: ArgumentHelp(
            "Venues mode: the archive database (forum serve --archive) to watch for every vote.", valueName: "file"))
    var venueArchive: String?

    @Option(name: .customLong("host-key"), help: ArgumentHelp("Venues mode: the venues' host key.", valueName: "key"))
    var hostKey: String?

    /// Refuses sizes and rates that make no sense.
    func validate() throws {
        guard phones >= 1, bursts >= 1, fanouts >= 1, joinWindow >= 1 else {
            throw ValidationError("--phones, --bursts, --fanouts and --join-window must be at least 1")
        }
        guard sustainedRate > 0, sustainedSeconds >= 0 else {
            throw ValidationError("--sustained-rate must be positive and --sustained-seconds not negative")
        }
        if !venueURLs.isEmpty {
            guard hostKey != nil else { throw ValidationError("--venue-url needs --host-key") }
            guard venueNames.isEmpty || venueNames.count == venueURLs.count else {
                throw ValidationError("give one --venue-name per --venue-url, or none")
            }
            guard venueArchive == nil || !venueNames.isEmpty else {
                throw ValidationError("--venue-archive needs --venue-name (the archive counts votes by venue name)")
            }
        } else if !venueNames.isEmpty || venueArchive != nil {
            throw ValidationError("--venue-name and --venue-archive go with --venue-url")
        }
    }

    /// Runs the bench, prints the table, writes the JSON; exit status 1 on any failure.
    func run() throws {
        do {
            let table: String
            let figures: String
            if venueURLs.isEmpty {
                let report = try BenchRun(options: self).run()
                (table, figures) = (report.table, report.json.text)
            } else {
                let report = try VenuesRun(options: self).run()
                (table, figures) = (report.table, report.json.text)
            }
            print(table, terminator: "")
            if let json {
                try figures.write(toFile: json, atomically: true, encoding: .utf8)
                print("figures written to \(json)")
            }
        } catch let failure as BenchFailure {
            FileHandle.standardError.write(Data("forum-bench: FAILED: \(failure.description)\n".utf8))
            throw ExitCode.failure
        }
    }

    /// The `forum` binary: --forum, else the one built next to this executable.
    var forumPath: String {
        if let forum { return forum }
        let me =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("forum").path
    }
}
