import ArgumentParser

/// The `forum` command: serve a show, host it, check stories, export results, back up the database.
@main
struct Forum: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forum",
        abstract: "Live forum-theatre voting for co-produced care services.",
        subcommands: [
            Serve.self, HostCLI.self, Check.self, Export.self, ReportCommand.self, Backup.self, Import.self,
            ExportStory.self, Studio.self,
        ]
    )
}
