import ForumCore
import Foundation

/// The scenarios folder on disk: finds and reads the story files, the event file and the
/// files images may point to, and hands their text to `LibraryBuilder`.
///
/// Used by `forum check` and `forum serve`. Paths in diagnostics start with the folder path
/// as the user gave it, such as `scenarios/sams-night.yaml`.
struct StoryFolder: Sendable {
    /// The name of the optional event file inside the folder.
    static let eventFileName = "event.yaml"

    /// The folder as the user named it: a path relative to the working directory, or
    /// absolute.
    let path: String

    /// What loading a folder found.
    struct Loaded: Sendable {
        /// The library, or nil when any file has an error.
        var library: Library?
        /// Every error and warning, sorted by file, line and column.
        var diagnostics: [Diagnostic]
        /// The display paths of the files checked.
        var files: [String]

        /// How many diagnostics are errors.
        var errorCount: Int { diagnostics.filter(\.isError).count }
        /// How many diagnostics are warnings.
        var warningCount: Int { diagnostics.count - errorCount }
    }

    /// Why a folder or file could not be loaded at all.
    enum LoadError: Error, Sendable, Equatable, CustomStringConvertible {
        /// Nothing exists at the path.
        case notFound(String)
        /// The path is a file where a folder was expected.
        case notAFolder(String)
        /// A file given by name is not a `.yaml` file.
        case notAStoryFile(String)
        /// The folder holds no story files; `ymlFiles` are stories saved as `.yml` instead.
        case noStories(String, ymlFiles: [String] = [])
        /// The folder or a file in it cannot be read.
        case unreadable(String, reason: String)

        /// The path the problem is about.
        var path: String {
            switch self {
            case .notFound(let path), .notAFolder(let path), .notAStoryFile(let path),
                .noStories(let path, _),
                .unreadable(let path, _):
                path
            }
        }

        /// What went wrong, in the words of `forum check`'s other messages.
        var message: String {
            switch self {
            case .notFound(let path): "there is no folder or file called `\(path)`"
            case .notAFolder(let path): "`\(path)` is a file, but a scenarios folder is needed here"
            case .notAStoryFile(let path): "`\(path)` is not a story file: story files end in `.yaml`"
            case .noStories(let path, let yml) where !yml.isEmpty:
                "the folder `\(path)` has no story files ending in `.yaml`; "
                    + (yml.count == 1 ? "`\(yml[0])` ends in `.yml`" : "\(yml.count) files end in `.yml`")
            case .noStories(let path, _): "the folder `\(path)` has no story files (files ending in `.yaml`)"
            case .unreadable(let path, let reason): "`\(path)` cannot be read: \(reason)"
            }
        }

        /// How to fix it.
        var hint: String {
            switch self {
            case .notFound:
                "run forum from the folder that holds your scenarios folder, or give its path, "
                    + "such as `forum check path/to/scenarios`"
            case .notAFolder: "give the folder that holds the story files"
            case .notAStoryFile: "rename the story so it ends in `.yaml`, or leave this file out"
            case .noStories(_, let yml) where !yml.isEmpty:
                "story files must end in `.yaml`: rename "
                    + yml.prefix(3).map { "`\($0)` to `\($0.dropLast(4)).yaml`" }.joined(separator: ", ")
                    + (yml.count > 3 ? ", and the others likewise" : "")
            case .noStories:
                "write each story in a file named after its id and ending in `.yaml`, such as `sams-night.yaml`"
            case .unreadable: "check that the file exists and that you are allowed to read it"
            }
        }

        /// `path: error: message`, then the hint on a second line, like a diagnostic.
        var description: String {
            "\(path): error: \(message)\n  hint: \(hint)"
        }
    }

    /// Loads and checks every story in the folder at `path`, with its event file if any.
    static func load(path: String) throws(LoadError) -> Loaded {
        try StoryFolder(path: path).load()
    }

    /// Loads and checks the folder: all of its `*.yaml` files, or only `fileNames` when given
    /// (names inside the folder, such as `sams-night.yaml`). `event.yaml` is the event file.
    func load(fileNames: [String]? = nil) throws(LoadError) -> Loaded {
        try checkIsFolder()
        let listing = try contents()
        let chosen = fileNames ?? listing.filter { !$0.hasPrefix(".") }
        var extra: [Diagnostic] = []
        var stories: [SourceFile] = []
        var event: SourceFile?
        var files: [String] = []
        for name in chosen.sorted() {
            if name.hasSuffix(".yml") {
                extra.append(ignoredYML(name))
                continue
            }
            guard name.hasSuffix(".yaml") else {
                if fileNames != nil { throw .notAStoryFile(display(name)) }
                continue
            }
            files.append(display(name))
            switch try read(name) {
            case .success(let file) where name == Self.eventFileName: event = file
            case .success(let file): stories.append(file)
            case .failure(let notUTF8): extra.append(notUTF8.diagnostic)
            }
        }
        let storyNames = listing.filter(isStoryFileName)
        if fileNames == nil, storyNames.isEmpty {
            throw .noStories(path, ymlFiles: listing.filter { $0.hasSuffix(".yml") && !$0.hasPrefix(".") }.sorted())
        }
        let others = Set(storyNames.map { String($0.dropLast(".yaml".count)) })
        let available = availableFiles()
        extra += available.warnings
        let built = LibraryBuilder.build(
            storyFiles: stories, eventFile: event, availableFiles: available.files,
            otherStoryIDs: others.subtracting(stories.map(\.storyID)))
        return Loaded(
            library: extra.contains(where: \.isError) ? nil : built.library,
            diagnostics: Diagnostic.sorted(built.diagnostics + extra), files: files)
    }

    /// True for the name of a story file: `<id>.yaml`, not hidden, not the event file.
    private func isStoryFileName(_ name: String) -> Bool {
        name.hasSuffix(".yaml") && !name.hasPrefix(".") && name != Self.eventFileName
    }

    /// The path shown for a file in the folder, such as `scenarios/sams-night.yaml`.
    func display(_ name: String) -> String {
        if path == "." { return name }
        if path.hasSuffix("/") { return path + name }
        return path + "/" + name
    }

    /// Throws unless `path` exists and is a folder.
    private func checkIsFolder() throws(LoadError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .notFound(path)
        }
        guard isFolder.boolValue else { throw .notAFolder(path) }
    }

    /// The names of the entries in the folder.
    private func contents() throws(LoadError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw .unreadable(path, reason: "the folder cannot be listed")
        }
    }

    /// Reads and decodes the file `name` of the folder.
    private func read(_ name: String) throws(LoadError) -> Result<SourceFile, SourceFile.NotUTF8> {
        let full = (path as NSString).appendingPathComponent(name)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder) else {
            throw .notFound(display(name))
        }
        guard !isFolder.boolValue, let data = FileManager.default.contents(atPath: full) else {
            throw .unreadable(
                display(name), reason: isFolder.boolValue ? "it is a folder" : "permission denied")
        }
        return SourceFile.decoding(path: display(name), bytes: [UInt8](data))
    }

    /// Every file in the folder and its subfolders, relative to the folder, skipping hidden
    /// ones and any that is not a regular file inside the folder once links are followed (a
    /// story naming such a file is told its image is not in the scenarios folder).
    /// Each link that leads out of the folder gets a warning of its own.
    private func availableFiles() -> (files: Set<String>, warnings: [Diagnostic]) {
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return ([], []) }
        var files: Set<String> = []
        var warnings: [Diagnostic] = []
        while let relative = enumerator.nextObject() as? String {
            let hidden = relative.split(separator: "/").contains { $0.hasPrefix(".") }
            guard !hidden else { continue }
            if FolderContainment.regularFile(relative, in: path) != nil {
                files.insert(relative)
            } else if FolderContainment.isLinkLeadingOut(relative, in: path) {
                warnings.append(
                    Diagnostic(
                        file: display(relative), line: 1, column: 1, severity: .warning,
                        message: "this is a link to a file outside the scenarios folder: it is never published",
                        hint: "copy the picture itself into the scenarios folder instead of linking to it"))
            }
        }
        return (files, warnings)
    }

    /// The warning for a story saved with the `.yml` ending, which would otherwise be ignored.
    private func ignoredYML(_ name: String) -> Diagnostic {
        Diagnostic(
            file: display(name), line: 1, column: 1, severity: .warning,
            message: "this file is not loaded: story files must end in `.yaml`, not `.yml`",
            hint: "rename it to `\(name.dropLast(4)).yaml`")
    }
}
