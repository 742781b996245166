import ArgumentParser
import ForumCore
import Foundation

/// `forum check`: reads story and event files and reports every mistake with its file, line
/// and column, the way story writers fix them in a text editor.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check story files and the event file for mistakes.",
        discussion: """
            Prints every error and warning as `file:line:column: error: message`, with a hint \
            on how to fix it, then a summary. A folder is checked as a whole: every `.yaml` file \
            in it is a story, except `event.yaml`, the event file. Exits with status 1 when there \
            is any error; warnings alone do not fail the check.
            """
    )

    @Argument(help: "Scenario folders or single story files to check.")
    var paths: [String] = ["scenarios"]

    /// Checks every target, prints each diagnostic and the summary, and fails on any error.
    func run() throws {
        var totals = Totals()
        for (folder, fileNames) in Self.targets(for: paths) {
            do {
                let loaded = try folder.load(fileNames: fileNames)
                for diagnostic in loaded.diagnostics {
                    print(diagnostic.description)
                }
                totals.add(loaded)
            } catch {
                print(error.description)
                totals.errors += 1
            }
        }
        print(totals.summary)
        if totals.errors > 0 {
            throw ExitCode.failure
        }
    }

    /// Each folder to load, with the file names chosen in it (nil for the whole folder).
    /// Files named one by one are grouped by the folder that holds them, in the order given.
    static func targets(for paths: [String]) -> [(folder: StoryFolder, fileNames: [String]?)] {
        var targets: [(folder: StoryFolder, fileNames: [String]?)] = []
        for path in paths {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            if !exists || isFolder.boolValue {
                targets.append((StoryFolder(path: path), nil))
                continue
            }
            let parent = (path as NSString).deletingLastPathComponent
            let folder = parent.isEmpty ? "." : parent
            let name = (path as NSString).lastPathComponent
            if let index = targets.firstIndex(where: { $0.folder.path == folder && $0.fileNames != nil }) {
                targets[index].fileNames?.append(name)
            } else {
                targets.append((StoryFolder(path: folder), [name]))
            }
        }
        return targets
    }

    /// What the check found across every folder.
    struct Totals {
        var errors = 0
        var warnings = 0
        var files = 0
        var stories = 0

        /// Counts one loaded folder.
        mutating func add(_ loaded: StoryFolder.Loaded) {
            errors += loaded.errorCount
            warnings += loaded.warningCount
            files += loaded.files.count
            stories += loaded.library?.stories.count ?? 0
        }

        /// The last line of the output, such as `2 errors, 1 warning in 3 files`.
        var summary: String {
            if errors == 0 {
                return "ok: \(count(stories, "story", "stories")), \(count(warnings, "warning"))"
            }
            let found = "\(count(errors, "error")), \(count(warnings, "warning"))"
            return files == 0 ? "\(found); no files checked" : "\(found) in \(count(files, "file"))"
        }

        /// `1 error`, `2 errors`: the number with the noun in the right form.
        private func count(_ number: Int, _ singular: String, _ plural: String? = nil) -> String {
            "\(number) \(number == 1 ? singular : plural ?? singular + "s")"
        }
    }
}
