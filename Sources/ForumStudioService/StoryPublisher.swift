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

    /// Writes `story` as `<id>.yaml`, checked first; replaces an earlier publication. The
    /// `pictures` its scenes name (from the studio's database, paths under `images/`) are
    /// written into the folder first, each whole or not at all, so the check finds them.
    public func publish(_ story: Story, pictures: [(path: String, bytes: [UInt8])] = []) throws {
        for picture in pictures { try writePicture(picture.path, picture.bytes) }
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

    /// Writes one picture at `relative` (under `images/`, made by the studio) via a temporary
    /// file and a rename; a file already there with the same bytes is left as it is.
    private func writePicture(_ relative: String, _ bytes: [UInt8]) throws {
        guard relative.hasPrefix(PictureRules.folder + "/"), !relative.contains(".."),
            relative.split(separator: "/").count == 2
        else { throw Failure(description: "\(relative): not a studio picture's path") }
        let directory = folder + "/" + PictureRules.folder
        let path = folder + "/" + relative
        if let existing = FileManager.default.contents(atPath: path), Array(existing) == bytes { return }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let name = relative.split(separator: "/").last.map(String.init) ?? "picture"
        let temporary = directory + "/." + name + ".\(getpid()).partial"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
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
