/// What a Forum story has that Twine has no place for, kept in a passage called `ForumData`
/// holding JSON: Twine shows it as an unlinked passage and keeps it, so a story taken out to
/// Twine and brought back loses nothing.
///
/// Passage details are keyed by passage name. The scene's id, title, host notes, image and
/// option ids always apply. `text` and `route`, written only where the passage itself cannot
/// say exactly what Forum had, apply only while the passage is unchanged (its `checksum`):
/// once edited in Twine, the passage's own text and links count.
struct ForumData: Codable, Sendable, Equatable {
    /// The passage's name.
    static let passageName = "ForumData"

    /// The version of this layout.
    var forum = 1
    var story = StoryPart()
    var passages: [String: PassagePart] = [:]

    /// The story's details.
    struct StoryPart: Codable, Sendable, Equatable {
        var id: String?
        var summary: String?
        var authors: [String]?
        var language: String?
        var contentNotes: [String]?

        enum CodingKeys: String, CodingKey {
            case id, summary, authors, language
            case contentNotes = "content_notes"
        }
    }

    /// One scene's details.
    struct PassagePart: Codable, Sendable, Equatable {
        var id: String?
        /// The scene's title; `""` for a scene without one whose passage name is not its id.
        var title: String?
        var hostNotes: String?
        var image: String?
        var imageAlt: String?
        /// Option ids by label, where the id is not the label's own slug.
        var optionIds: [String: String]?
        /// ``TwineText/checksum(_:)`` of the passage text as Forum wrote it.
        var checksum: String?
        /// The exact scene text, when the passage cannot hold it as it is.
        var text: String?
        /// The exact `next` or decision, when the passage's links cannot say it.
        var route: Route?

        enum CodingKeys: String, CodingKey {
            case id, title, image, checksum, text, route
            case hostNotes = "host_notes"
            case imageAlt = "image_alt"
            case optionIds = "option_ids"
        }
    }

    /// Where a scene leads: `next`, a decision, or neither (an ending).
    struct Route: Codable, Sendable, Equatable {
        var next: String?
        var decision: Decision?
    }
}
