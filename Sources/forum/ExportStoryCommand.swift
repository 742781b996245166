import ArgumentParser
import ForumCore
import Foundation

/// `forum export-story ID --format twee|yaml`: takes a story out of the scenarios folder as
/// Twee 3 for Twine (with `ForumData`, so it comes back whole), or as a clean story file.
struct ExportStory: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-story",
        abstract: "Write a story as Twee 3 (for Twine) or as a story file.",
        discussion: """
            The story must pass forum check. Twee output opens in Twine 2 (Library > Import) \
            and comes back with forum import exactly as it was. Writes to standard output, or \
            to --out FILE (never over an existing file unless --replace is given). See docs/twine.md.
            """
    )

    /// The formats a story can be written in.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case twee
        case yaml
    }

    @Argument(help: ArgumentHelp("The story's id: its file name without .yaml.", valueName: "id"))
    var id: String

    @ArgumentParser.Option(name: .long, help: "twee or yaml.")
    var format: Format = .twee

    @ArgumentParser.Option(name: .long, help: ArgumentHelp("The scenarios folder.", valueName: "dir"))
    var scenarios = "scenarios"

    @ArgumentParser.Option(
        name: .long, help: ArgumentHelp("The file to write; standard output without it.", valueName: "file"))
    var out: String?

    @Flag(name: .long, help: "Write over an existing file.")
    var replace = false

    func run() throws {
        let folder = StoryFolder(path: scenarios)
        let loaded: StoryFolder.Loaded
        do {
            loaded = try folder.load(fileNames: [id + ".yaml"])
        } catch {
            print(error.description)
            throw ExitCode.failure
        }
        guard let story = loaded.library?.stories.first(where: { $0.id == id }) else {
            for diagnostic in loaded.diagnostics where diagnostic.isError {
                print(diagnostic.description)
            }
            print(
                "\(folder.display(id + ".yaml")): error: the story has errors, so it is not exported\n"
                    + "  hint: run `forum check` and fix them first")
            throw ExitCode.failure
        }
        let text =
            switch format {
            case .twee: TweeWriter.twee(story, newIFID: { UUID().uuidString.uppercased() })
            case .yaml: StoryYAMLWriter.yaml(story)
            }
        guard let out else {
            print(text, terminator: "")
            return
        }
        do {
            try AtomicFile.write(text, to: out, replace: replace)
        } catch {
            print(error.description)
            throw ExitCode.failure
        }
        print("wrote \(out): story `\(story.id)` as \(format.rawValue)")
    }
}
