import ForumCore
import ForumServer
import Foundation

/// The stories' images, copied into a folder of their own for the server to publish at
/// `/scenarios-media/`. Only files a scene names are copied: the scenarios folder itself
/// also holds the story files, whose host notes must never reach the audience.
struct StoryMedia {
    /// The staging folder, or nil when no story has an image.
    let folder: URL?

    /// Copies every image the library's scenes name from `scenarios` into a new temporary
    /// folder, keeping their relative paths.
    init(library: Library, scenarios: String) throws {
        let images = Set(library.stories.flatMap { $0.scenes.compactMap(\.image) })
        guard !images.isEmpty else {
            folder = nil
            return
        }
        StagingFolder.removeAbandoned("forum-media")
        let staging = StagingFolder.make("forum-media")
        let source = URL(fileURLWithPath: scenarios, isDirectory: true)
        for image in images.sorted() {
            // The checker has refused images that lead out of the folder; checked again here,
            // and the bytes copied (never a link), so nothing outside can be published.
            guard let real = FolderContainment.regularFile(image, in: source.path) else {
                throw StoryMediaError.outsideTheFolder(image)
            }
            let target = staging.appendingPathComponent(image)
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contentsOf: real).write(to: target)
        }
        folder = staging
    }

    /// Removes the staging folder.
    func remove() {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }
}

/// Why the stories' images could not be published.
enum StoryMediaError: Error, CustomStringConvertible {
    /// The image is not a regular file inside the scenarios folder (a link leading out).
    case outsideTheFolder(String)

    var description: String {
        switch self {
        case .outsideTheFolder(let image): "the image `\(image)` is not a file inside the scenarios folder"
        }
    }
}
