import ArgumentParser
import ForumClient
import ForumConsole
import Foundation

/// `forum host URL --key KEY`: the host console against a server elsewhere, or with
/// `--command` one command for scripts.
struct HostCLI: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "host",
        abstract: "Host a running show from this terminal, or run one host command.",
        discussion: """
            Examples:
              forum host ws://192.168.1.20:8080/ws --key KEY
              forum host wss://forum.example.org/ws --key-file host.key
              forum host wss://192.168.1.20:8080/ws --ca-file venue-cert.pem --key-file host.key
              forum host ws://127.0.0.1:8080/ws --key KEY --command start sams-night
              forum host ws://127.0.0.1:8080/ws --key KEY --command open 60
              FORUM_MODERATOR_KEY=KEY forum host ws://192.168.1.20:8080/ws --moderator
            """
    )

    @Argument(help: "The server's live address, ws://ADDRESS:PORT/ws or wss://ADDRESS:PORT/ws.")
    var url: String

    @Option(help: ArgumentHelp("The host key (others on this machine can read it with ps).", valueName: "key"))
    var key: String?

    @Option(
        name: .customLong("key-file"),
        help: ArgumentHelp("A file holding the host key on one line (default: FORUM_HOST_KEY).", valueName: "file"))
    var keyFile: String?

    @Flag(
        help:
            "Moderate the room's proposals: the console as the moderator (the key from --moderator-key-file or FORUM_MODERATOR_KEY)."
    )
    var moderator = false

    @Option(
        name: .customLong("moderator-key-file"),
        help: ArgumentHelp("With --moderator: a file holding the moderator key on one line.", valueName: "file"))
    var moderatorKeyFile: String?

    @Option(
        name: .customLong("ca-file"),
        help: ArgumentHelp(
            "For wss://: trust the certificates in this PEM file (a venue's self-signed certificate) "
                + "instead of the system's CAs.", valueName: "file"))
    var caFile: String?

    @Option(
        parsing: .remaining,
        help: ArgumentHelp(
            "Run one command and exit, such as: next, open 60, choose crisis-line.", valueName: "command"))
    var command: [String] = []

    func run() throws {
        if moderator { return try runModerator() }
        guard
            let key = try HostKeySource.resolve(
                file: keyFile, argument: key, environment: ProcessInfo.processInfo.environment)?.key
        else {
            throw ValidationError("give the host key with FORUM_HOST_KEY, --key-file or --key")
        }
        let address =
            url.hasSuffix("/ws") || url.contains("/ws?") ? url : (url.hasSuffix("/") ? url + "ws" : url + "/ws")
        let tls = TLSOptions(caFile: caFile)
        let warning = PlainTextWarning.text(for: address)
        if !command.isEmpty {
            if let warning {
                FileHandle.standardError.write(
                    Data(
                        "forum host: warning: \(warning) (forum serve --tls-cert, or TLS at a proxy: docs/remote.md)\n"
                            .utf8))
            }
            let (output, ok) = OneShotCommand.run(url: address, key: key, words: command, tls: tls)
            print(output)
            if !ok { throw ExitCode.failure }
            return
        }
        guard FullScreenConsole.canRun else {
            throw ValidationError(
                "the console needs a terminal; for scripts use --command (for example --command next)")
        }
        let console = FullScreenConsole(url: address, key: key, role: .remote, tls: tls)
        if let warning { console.serverLogged(warning) }
        switch console.run() {
        case .refused(let reason):
            FileHandle.standardError.write(Data("forum host: \(reason). Check --key or FORUM_HOST_KEY.\n".utf8))
            throw ExitCode.failure
        case .quit, .interrupted, .hangup:
            print("Left the console. The show goes on.")
        }
    }

    /// `--moderator`: the console as the moderator, with the moderator key from a file or
    /// `FORUM_MODERATOR_KEY` (never the command line, never printed).
    private func runModerator() throws {
        guard key == nil, keyFile == nil, command.isEmpty else {
            throw ValidationError(
                "--moderator takes the key from --moderator-key-file or FORUM_MODERATOR_KEY, and no --command")
        }
        guard
            let key = try HostKeySource.resolve(
                file: moderatorKeyFile, argument: nil, environment: ProcessInfo.processInfo.environment,
                variable: "FORUM_MODERATOR_KEY")?.key
        else {
            throw ValidationError("give the moderator key with FORUM_MODERATOR_KEY or --moderator-key-file")
        }
        let address =
            url.hasSuffix("/ws") || url.contains("/ws?") ? url : (url.hasSuffix("/") ? url + "ws" : url + "/ws")
        guard FullScreenConsole.canRun else { throw ValidationError("the moderator's console needs a terminal") }
        let console = FullScreenConsole(
            url: address, key: key, role: .remote, tls: TLSOptions(caFile: caFile), moderator: true)
        if let warning = PlainTextWarning.text(for: address) { console.serverLogged(warning) }
        switch console.run() {
        case .refused(let reason):
            FileHandle.standardError.write(
                Data("forum host: \(reason). Check --moderator-key-file or FORUM_MODERATOR_KEY.\n".utf8))
            throw ExitCode.failure
        case .quit, .interrupted, .hangup:
            print("Left the moderator's console. The show goes on.")
        }
    }
}
