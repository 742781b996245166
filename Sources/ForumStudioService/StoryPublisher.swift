import ForumCore
import ForumStudio
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Puts published stories into the show's scenarios folder, which `forum serve` plays, and
/// takes withdrawn ones out. A story file is written whole or not at all (temporary file,
/// then rename), and only after `forum check`'s checker has accepted exactly its text.
public struct StoryPublisher: Sendable {
    /// The scenarios folder.
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// Why a story file was not written.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The story ids that already have a file in the folder (new studio stories avoid them).
    public func existingIDs() -> Set<String> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return Set(names.filter { $0.hasSuffix(".yaml") && $0 != "event.yaml" }.map { String($0.dropLast(5)) })
    }

    /// Writes `story` as `<id>.yaml`, checked first; replaces an earlier publication.
    public func publish(_ story: Story) throws {
        let yaml = StoryYAMLWriter.yaml(story)
        let path = folder + "/" + story.id + ".yaml"
        let (checked, diagnostics) = StoryParser.parse(
            SourceFile(path: path, text: yaml), availableFiles: availableFiles())
        guard checked != nil else {
            throw Failure(description: diagnostics.map(\.description).joined(separator: "\n"))
        }
        let temporary = folder + "/." + story.id + ".yaml.\(getpid()).partial"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(yaml.utf8)) else {
            throw Failure(description: "\(path): cannot be written: \(String(cString: strerror(errno)))")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(description: "\(path): cannot be written: \(reason)")
        }
    }

    /// Removes `<id>.yaml` (its text stays in the studio's history).
    public func withdraw(_ id: String) throws {
        let path = folder + "/" + id + ".yaml"
        if unlink(path) != 0, errno != ENOENT {
            throw Failure(description: "\(path): cannot be removed: \(String(cString: strerror(errno)))")
        }
    }

    /// The folder's files, relative to it, for the image check.
    private func availableFiles() -> Set<String> {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        return Set(walker.compactMap { $0 as? String })
    }
}
