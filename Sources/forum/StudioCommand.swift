import ArgumentParser
import ForumServer
import ForumSession
import ForumStudioService
import ForumStudioStore
import Foundation

/// `forum studio`: the page where the community writes stories together and organisers
/// review and publish them into the scenarios folder (docs/studio.md).
struct Studio: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "studio",
        abstract: "Serve the story studio: write stories together, review them, publish them to the show.",
        discussion: """
            Contributors open an invite link that an organiser made; organisers sign in with the \
            studio key, from --studio-key-file or FORUM_STUDIO_KEY (without one a strong key is made \
            and printed once). Publishing an approved story writes <id>.yaml into the scenarios \
            folder, checked as forum check does, so forum serve plays it.
            """)

    @Option(help: "The port to listen on (0: any free port).")
    var port: Int = 8090

    @Option(help: ArgumentHelp("The studio's database (created if missing).", valueName: "file"))
    var db: String = "studio.sqlite"

    @Option(help: ArgumentHelp("The scenarios folder published stories go into.", valueName: "dir"))
    var scenarios: String = "scenarios"

    @Option(help: ArgumentHelp("The folder with the web pages (the studio is in its studio/).", valueName: "dir"))
    var web: String = "web"

    @Option(help: ArgumentHelp("A file holding the organisers' key on one line.", valueName: "file"))
    var studioKeyFile: String?

    func run() throws {
        let keySource =
            try HostKeySource.resolve(
                file: studioKeyFile, argument: nil, environment: ProcessInfo.processInfo.environment,
                variable: "FORUM_STUDIO_KEY")
            ?? HostKeySource(key: DeviceToken.make(), origin: .generated)
        if keySource.origin != .generated, keySource.key.count < HostKeySource.comfortableLength {
            FileHandle.standardError.write(
                Data(
                    "forum studio: warning: the studio key is shorter than 12 characters, so it is easy to guess\n".utf8
                ))
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: scenarios, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("there is no scenarios folder '\(scenarios)': use --scenarios")
        }
        guard FileManager.default.fileExists(atPath: web + "/studio/index.html") else {
            throw ValidationError("no studio/index.html in '\(web)': use --web to name the pages folder")
        }
        let database: StudioDatabase
        do {
            database = try StudioDatabase(path: db)
        } catch {
            FileHandle.standardError.write(Data("forum studio: cannot open the database '\(db)': \(error)\n".utf8))
            throw ExitCode.failure
        }
        let folder = URL(fileURLWithPath: scenarios).standardizedFileURL.path
        let service = StudioService(
            database: database, publisher: StoryPublisher(folder: folder), organiserKey: keySource.key)
        let server: StudioServer
        do {
            server = try StudioServer.start(
                port: port, webRoot: URL(fileURLWithPath: web).standardizedFileURL.path, service: service)
        } catch {
            FileHandle.standardError.write(Data("forum studio: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let signals = StopSignals(stop: { server.stop() })
        let keyLine =
            switch keySource.origin {
            case .generated:
                "Organiser key: \(keySource.key)  (new; set FORUM_STUDIO_KEY or --studio-key-file to choose one)"
            case .file(let path): "Organiser key: the one in \(path)"
            default: "Organiser key: the one in FORUM_STUDIO_KEY"
            }
        var lines = ["Forum studio is running.", "", "Open the studio at:"]
        lines += JoinAddresses.urls(port: server.port).map { "  \($0)" }
        lines += ["", keyLine, "Published stories go into \(folder)", ""]
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        server.wait()
        withExtendedLifetime(signals) {}
        FileHandle.standardOutput.write(Data("The studio has stopped. Everything saved is in \(db).\n".utf8))
    }
}
