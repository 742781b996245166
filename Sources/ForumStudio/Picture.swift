import Foundation

/// The kinds of picture a writer can add to a scene, known by the file's first bytes (its
/// "magic number"), never by its name: a file called `photo.png` that is not a PNG is refused.
public enum PictureKind: String, Sendable, Codable, CaseIterable {
    case png
    case jpeg
    case webp

    /// The extension the studio gives the file it writes (`jpg` for JPEG).
    public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

    /// The MIME type, for the page's `data:` address.
    public var mimeType: String { "image/" + rawValue }

    /// The kind of picture `bytes` start with, or nil for anything else.
    public static func detect(_ bytes: [UInt8]) -> PictureKind? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        // RIFF, four bytes of length, WEBP.
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) {
            return .webp
        }
        return nil
    }
}

/// The rules for a picture added from a writer's device: a PNG, JPEG or WebP of at most
/// 2 MiB, described (alt text) before it is saved, and at most ``perStory`` to a story.
public enum PictureRules {
    /// The largest picture, in bytes (2 MiB).
    public static let maximumBytes = 2 * 1024 * 1024
    /// The most pictures one story keeps (every upload is kept, also when it is replaced).
    public static let perStory = 60
    /// Where published pictures go in the scenarios folder.
    public static let folder = "images"
    /// The characters of a picture's random name.
    static let letters = Array("abcdefghijkmnpqrstuvwxyz23456789")

    /// The picture's kind when `bytes` may be saved with the description `alt`, else why not,
    /// in plain words.
    public static func check(_ bytes: [UInt8], alt: String) -> Result<PictureKind, StudioError> {
        guard !bytes.isEmpty else {
            return .failure(StudioError(.invalidContent, "This file is empty: choose a picture."))
        }
        guard bytes.count <= maximumBytes else {
            return .failure(StudioError(.tooLarge, tooLargeMessage(bytes: bytes.count)))
        }
        guard let kind = PictureKind.detect(bytes) else {
            return .failure(
                StudioError(
                    .invalidContent,
                    "This file is not a PNG, JPEG or WebP picture: choose a photo, or a picture saved as one of those."
                ))
        }
        let description = TextLimits.cleaned(alt).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !description.isEmpty else {
            return .failure(
                StudioError(
                    .invalidContent,
                    "Describe the picture first: what matters in it, in a sentence, for people who cannot see it."))
        }
        guard description.count <= TextLimits.shortText else {
            return .failure(
                StudioError(
                    .invalidContent,
                    "The description can be at most \(TextLimits.shortText) characters: make it shorter."
                ))
        }
        return .success(kind)
    }

    /// The sentence for a picture of `bytes` bytes, over the limit.
    public static func tooLargeMessage(bytes: Int) -> String {
        let megabytes = Double(bytes) / 1_048_576
        let shown = (megabytes * 10).rounded(.up) / 10
        return "This picture is \(shown) MB: a picture can be at most 2 MB. Choose a smaller one, or save it "
            + "smaller (phones offer a \"medium\" or \"small\" size), and try again."
    }

    /// A new picture's path in the scenarios folder: `images/STORY-RANDOM.EXT`, random so that
    /// two pictures never share a name and a name says nothing about the file it came from.
    public static func path(story: String, kind: PictureKind, using generator: inout some RandomNumberGenerator)
        -> String
    {
        let random = String((0..<12).map { _ in letters.randomElement(using: &generator)! })
        return "\(folder)/\(story)-\(random).\(kind.fileExtension)"
    }

    /// Whether `path` is one ``path(story:kind:using:)`` could have made for `story`.
    public static func isStudioPath(_ path: String, story: String) -> Bool {
        let prefix = "\(folder)/\(story)-"
        guard path.hasPrefix(prefix) else { return false }
        let rest = path.dropFirst(prefix.count)
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 12, parts[0].allSatisfy(letters.contains) else {
            return false
        }
        return PictureKind.allCases.contains { $0.fileExtension == parts[1] }
    }
}
