import ArgumentParser
import ForumClient
import ForumConsole
import ForumServer
import ForumSession
import ForumStore
import Foundation
import Logging
import Synchronization

/// `forum serve`: replays the stories live. Serves the pages, streams scenes to phones,
/// tallies and stores votes, and (in a terminal) opens the host console.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the live show: pages, phones, votes, and the host console.",
        discussion: """
            Refuses to start when the stories have errors (see forum check). The host key comes \
            from --host-key-file, FORUM_HOST_KEY or --host-key; without one a strong key is made \
            and printed (a key given is never printed). In a terminal the host console \
            opens; with --headless, or when input is not a terminal, the show runs until \
            SIGINT or SIGTERM. Every vote is stored in the database before the phone is told.
            """
    )

    @Option(help: "The port to listen on.")
    var port: Int = 8080

    @Option(help: ArgumentHelp("The scenarios folder.", valueName: "dir"))
    var scenarios: String = "scenarios"

    @Option(help: ArgumentHelp("The folder with the web pages.", valueName: "dir"))
    var web: String = "web"

    @Option(help: ArgumentHelp("The SQLite database (created if missing; kept across restarts).", valueName: "file"))
    var db: String = "forum.sqlite"

    @Option(
        name: .customLong("host-key-file"),
        help: ArgumentHelp(
            "A file holding the host's key on one line (default: FORUM_HOST_KEY, else a new key).", valueName: "file"))
    var hostKeyFile: String?

    @Option(
        name: .customLong("host-key"),
        help: ArgumentHelp("The host's key on the command line (others can read it with ps).", valueName: "key"))
    var hostKey: String?

    @Option(
        name: .customLong("moderator-key-file"),
        help: ArgumentHelp(
            "A file holding the moderator's key on one line (default: FORUM_MODERATOR_KEY; the host key moderates too).",
            valueName: "file"))
    var moderatorKeyFile: String?

    @Option(
        name: .customLong("join-url"),
        help: ArgumentHelp(
            "The address phones should open, shown on the projector and in its QR code (repeat for several; "
                + "default: one per network interface). For a venue name or a router's forwarded port.",
            valueName: "url"))
    var joinURLs: [String] = []

    @Option(
        name: .customLong("tls-cert"),
        help: ArgumentHelp(
            "A PEM certificate (or chain): serve HTTPS and WSS instead of HTTP and WS (with --tls-key).",
            valueName: "file"))
    var tlsCert: String?

    @Option(
        name: .customLong("tls-key"), help: ArgumentHelp("The certificate's PEM private key.", valueName: "file"))
    var tlsKey: String?

    @Option(
        name: .customLong("remote-join-url"),
        help: ArgumentHelp(
            "The address people following remotely open (the public https address behind the proxy, "
                + "docs/remote.md); it preselects \"Following remotely\" (default: the first join address).",
            valueName: "url"))
    var remoteJoinURL: String?

    @OptionGroup(title: "One show in several venues") var venueOptions: VenueOptions

    @Flag(help: "No console: run until SIGINT or SIGTERM.")
    var headless = false

    func validate() throws {
        guard (tlsCert == nil) == (tlsKey == nil) else {
            throw ValidationError("--tls-cert and --tls-key go together: give both, or neither for plain HTTP")
        }
        for url in joinURLs + [remoteJoinURL].compactMap({ $0 }) {
            guard let parsed = URLComponents(string: url), ["http", "https"].contains(parsed.scheme ?? ""),
                parsed.host?.isEmpty == false
            else {
                throw ValidationError(
                    "--join-url '\(url)' is not an address phones can open: write it as http://HOST:PORT/")
            }
        }
    }

    func run() throws {
        let openFiles = OpenFilesLimit.raiseToMaximum()
        let withConsole = !headless && FullScreenConsole.canRun
        // Logs go to stderr; with the console on screen, warnings and errors show in it
        // instead (and go to stderr once the terminal is back).
        let warnings = ConsoleWarnings()
        LoggingSystem.bootstrap { label in
            if withConsole { return ConsoleLogHandler(warnings: warnings) }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .info
            return handler
        }
        let loaded: StoryFolder.Loaded
        do {
            loaded = try StoryFolder.load(path: scenarios)
        } catch {
            FileHandle.standardError.write(Data("\(error.description)\n".utf8))
            throw ExitCode.failure
        }
        for diagnostic in loaded.diagnostics {
            FileHandle.standardError.write(Data("\(diagnostic.description)\n".utf8))
        }
        guard let library = loaded.library else {
            FileHandle.standardError.write(
                Data("forum serve: the stories have \(loaded.errorCount) error(s); fix them and start again.\n".utf8))
            throw ExitCode.failure
        }
        guard FileManager.default.fileExists(atPath: web + "/index.html") else {
            FileHandle.standardError.write(
                Data("forum serve: no index.html in '\(web)': use --web to name the pages folder.\n".utf8))
            throw ExitCode.failure
        }
        let tls = tlsCert.map { TLSFiles(certificate: $0, privateKey: tlsKey ?? "") }
        do {
            try tls?.check()
        } catch {
            FileHandle.standardError.write(Data("forum serve: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
        let keySource =
            try HostKeySource.resolve(
                file: hostKeyFile, argument: hostKey, environment: ProcessInfo.processInfo.environment)
            ?? HostKeySource(key: DeviceToken.make(), origin: .generated)
        let key = keySource.key
        let moderatorSource = try HostKeySource.resolve(
            file: moderatorKeyFile, argument: nil, environment: ProcessInfo.processInfo.environment,
            variable: "FORUM_MODERATOR_KEY")
        for warning in keySource.warnings { FileHandle.standardError.write(Data("forum serve: \(warning)\n".utf8)) }
        let database: ForumDatabase
        do {
            database = try ForumDatabase(path: db)
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("forum serve: \(error)\n".utf8))
            throw ExitCode.failure
        } catch {
            FileHandle.standardError.write(Data("forum serve: cannot open the database '\(db)': \(error)\n".utf8))
            throw ExitCode.failure
        }
        let media: StoryMedia
        do {
            media = try StoryMedia(library: library, scenarios: scenarios)
        } catch {
            FileHandle.standardError.write(Data("forum serve: cannot read the stories' images: \(error)\n".utf8))
            throw ExitCode.failure
        }
        defer { media.remove() }
        let server: ForumServer
        do {
            let webRoot = URL(fileURLWithPath: web).standardizedFileURL.path
            var configuration = ServerConfiguration(
                port: port, webRoot: webRoot, mediaRoot: media.folder?.path, hostKey: key,
                joinURLs: joinURLs.isEmpty ? nil : joinURLs.map { $0.hasSuffix("/") ? $0 : $0 + "/" },
                remoteJoinURL: remoteJoinURL)
            configuration.moderatorKey = moderatorSource?.key
            configuration.tls = tls
            configuration.buildReport = LiveReport.builder(databasePath: db, library: library)
            configuration.venues = try venueOptions.settings()
            configuration.archivePath = venueOptions.archive
            server = try ForumServer.start(configuration: configuration, library: library, database: database)
        } catch {
            FileHandle.standardError.write(Data("forum serve: \(error)\n".utf8))
            throw ExitCode.failure
        }
        // Over TLS the console dials 127.0.0.1 and trusts exactly the certificate served.
        let console =
            withConsole
            ? FullScreenConsole(
                url: "\(tls == nil ? "ws" : "wss")://127.0.0.1:\(server.port)/ws", key: key, role: .serve,
                tls: TLSOptions(caFile: tls?.certificate, verifyHostname: false)) : nil
        let signals = StopSignals(stop: {
            server.stop()
            console?.stop(.interrupted)
        })
        printBanner(
            server: server, title: library.programme.title, keySource: keySource, openFiles: openFiles,
            secure: tls != nil, shared: try? venueOptions.settings())
        if let moderatorSource {
            // Never the key itself: only where it came from.
            let origin = if case .file(let path) = moderatorSource.origin { path } else { "FORUM_MODERATOR_KEY" }
            FileHandle.standardOutput.write(
                Data("Moderator key: the one in \(origin)  (moderation page: /moderate)\n".utf8))
        }
        if let console {
            warnings.attach(console)
            let outcome = console.run()
            warnings.detach()
            switch outcome {
            case .quit(stopShow: true), .interrupted:
                server.stop()
            case .refused(let reason):
                FileHandle.standardError.write(Data("forum serve: the console was refused: \(reason)\n".utf8))
                server.stop()
            case .quit(stopShow: false), .hangup:
                FileHandle.standardOutput.write(
                    Data("The show goes on without this console. Ctrl-C stops it.\n".utf8))
            }
        }
        server.wait()
        database.close()
        withExtendedLifetime(signals) {}
        FileHandle.standardOutput.write(Data("The show has stopped. Every acknowledged vote is in \(db).\n".utf8))
    }

    private func printBanner(
        server: ForumServer, title: String, keySource: HostKeySource, openFiles: UInt64, secure: Bool,
        shared: VenueSettings?
    ) {
        var lines = ["Forum is running: \(title)", "", "Phones join at:"]
        lines += server.joinURLs.map { "  \($0)" }
        lines += ["", "Projector page:"]
        lines += server.joinURLs.map { "  \($0)screen" }
        lines += ["", keySource.bannerLine]
        lines += [
            "Remote console: FORUM_HOST_KEY=KEY forum host \(secure ? "wss" : "ws")://ADDRESS:\(server.port)/ws", "",
        ]
        if let remote = server.remoteJoinURL { lines += ["People following remotely join at:", "  \(remote)", ""] }
        if let shared {
            lines += [
                "Shared show '\(shared.names.show)': this is venue '\(shared.venue)', through \(shared.nats.redactedURLs)",
                "",
            ]
        }
        if let warning = OpenFilesLimit.warning(limit: openFiles) { lines += [warning, ""] }
        // Written straight to the file descriptor: stdout may be a pipe (a service manager, a test).
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}

/// SIGINT and SIGTERM stop the show cleanly: the handlers run on a queue (never lws from a
/// signal handler) and only ask the server to stop.
final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    init(stop: @escaping @Sendable () -> Void) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { @Sendable in stop() }
            source.resume()
            return source
        }
    }
}

/// Carries the server's warnings to the console while it is on screen, and keeps them to
/// write to stderr once the terminal is back; without a console they go to stderr at once.
final class ConsoleWarnings: Sendable {
    private let console = Mutex<FullScreenConsole?>(nil)
    private let kept = Mutex<[String]>([])

    func attach(_ console: FullScreenConsole) {
        self.console.withLock { $0 = console }
    }

    /// Detaches the console and writes what it showed to stderr.
    func detach() {
        console.withLock { $0 = nil }
        let lines = kept.withLock { lines in
            defer { lines = [] }
            return lines
        }
        for line in lines { FileHandle.standardError.write(Data("\(line)\n".utf8)) }
    }

    func post(_ text: String) {
        if let console = console.withLock({ $0 }) {
            console.serverLogged(text)
            kept.withLock { $0.append(text) }
        } else {
            FileHandle.standardError.write(Data("\(text)\n".utf8))
        }
    }
}

/// A log handler for `forum serve` with the console: warnings and errors go to the console.
struct ConsoleLogHandler: LogHandler {
    let warnings: ConsoleWarnings
    var logLevel: Logger.Level = .warning
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let details = (event.metadata ?? [:]).merging(metadata) { first, _ in first }
        let suffix = details.isEmpty ? "" : " (" + details.map { "\($0): \($1)" }.sorted().joined(separator: ", ") + ")"
        warnings.post("\(event.level): \(event.message)\(suffix)")
    }
}
