import ArgumentParser
import ForumCore
import Foundation

/// `forum import FILE`: brings a Twine story (Twee 3, or Twine 2's published or archived HTML)
/// into the scenarios folder as a Forum story file that `forum check` accepts.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a Twine story (.twee, .tw or Twine 2 .html) as a Forum story file.",
        discussion: """
            Prints every warning as `file:line:column: warning: message` at the line of the \
            Twine file. The story file is written only when the whole import works and the \
            result passes forum check; otherwise nothing is written. An existing story is \
            never written over unless --replace is given. See docs/twine.md.
            """
    )

    @Argument(help: ArgumentHelp("The Twine file: .twee, .tw or .html.", valueName: "file"))
    var file: String

    @ArgumentParser.Option(
        name: .long, help: ArgumentHelp("The scenarios folder to write the story into.", valueName: "dir"))
    var out = "scenarios"

    @ArgumentParser.Option(
        name: .long, help: ArgumentHelp("The story's id (file name without .yaml).", valueName: "id"))
    var id: String?

    @ArgumentParser.Option(
        name: .long, help: ArgumentHelp("The story to import from a file with several.", valueName: "name"))
    var story: String?

    @Flag(name: .long, help: "Write over an existing story with the same id.")
    var replace = false

    func run() throws {
        let bytes = try Self.read(file)
        let options = TwineImport.Options(storyID: id, storyName: story, availableFiles: Self.files(in: out))
        let result = TwineImport.run(path: file, bytes: bytes, options: options)
        for diagnostic in result.diagnostics {
            print(diagnostic.description)
        }
        let warnings = result.diagnostics.filter { !$0.isError }.count
        let errors = result.diagnostics.count - warnings
        guard let story = result.story, let yaml = result.yaml else {
            print("\(errors == 1 ? "1 error" : "\(errors) errors"): nothing written")
            throw ExitCode.failure
        }
        let path = StoryFolder(path: out).display(story.id + ".yaml")
        do {
            try AtomicFile.write(yaml, to: path, replace: replace)
        } catch {
            print(error.description)
            throw ExitCode.failure
        }
        let scenes = story.scenes.count == 1 ? "1 scene" : "\(story.scenes.count) scenes"
        print("wrote \(path): story `\(story.id)`, \(scenes), \(warnings == 1 ? "1 warning" : "\(warnings) warnings")")
    }

    /// The bytes of the file at `path`, refusing a missing, unreadable or oversized one.
    static func read(_ path: String) throws -> [UInt8] {
        func fail(_ message: String, _ hint: String) -> ExitCode {
            print("\(path): error: \(message)\n  hint: \(hint)")
            return ExitCode.failure
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw fail("there is no file called `\(path)`", "give the path of a .twee, .tw or .html file")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= TwineImport.maximumFileSize else {
            throw fail(
                "the file is \(size / 1024 / 1024) MB; Forum imports Twine files up to "
                    + "\(TwineImport.maximumFileSize / 1024 / 1024) MB",
                "import the Twee file (Twine: Build > Export as Twee), or check that this is a Twine story")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw fail("the file cannot be read", "check that you are allowed to read it")
        }
        return [UInt8](data)
    }

    /// The files in the scenarios folder, relative to it, for checking images; nil without the folder.
    static func files(in folder: String) -> Set<String>? {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return nil }
        var files: Set<String> = []
        while let relative = enumerator.nextObject() as? String {
            if FolderContainment.regularFile(relative, in: folder) != nil { files.insert(relative) }
        }
        return files
    }
}
