import ForumCore
import ForumStoryMap
import ForumStudio
import Foundation

/// A message from a studio page (docs/studio.md): one JSON object with a `type` and the
/// fields that type uses; every other field is ignored.
struct StudioRequest: Decodable {
    var type: String
    /// Echoed in the answer, so the page can match them.
    var ref: String?
    var invite: String?
    var key: String?
    var name: String?
    var story: String?
    var base: Int?
    var revision: Int?
    var content: Story?
    var title: String?
    var template: StoryTemplate?
    var action: ReviewAction?
    var note: String?
    var scene: String?
    var text: String?
    var label: String?
    var days: Int?
    var token: String?
    var format: String?
    /// An uploaded file's name and text (Twee or Twine HTML).
    var file: String?
    var data: String?
    /// A picture's description (`picture`) and its path (`picture_get`).
    var alt: String?
    var image: String?
}

/// A message to a studio page: a `type` and the fields that type carries (nil fields are left out).
struct StudioReply: Encodable {
    var type: String
    var ref: String?
    var code: String?
    var message: String?
    var role: StudioRole?
    var name: String?
    var group: String?
    var reminder: String?
    var stories: [StorySummary]?
    var story: StudioStory?
    var storyID: String?
    var revision: Int?
    var by: String?
    var checks: [FieldCheck]?
    var revisions: [RevisionSummary]?
    var history: [ReviewEvent]?
    var comments: [StudioComment]?
    var invites: [Invite]?
    var current: StudioStory?
    var problems: [String]?
    var file: String?
    var text: String?
    var map: StoryMap?
    /// A picture: its path, kind, description and bytes (base64).
    var image: String?
    var kind: String?
    var alt: String?
    var data: String?

    init(type: String, ref: String? = nil) {
        self.type = type
        self.ref = ref
    }

    enum CodingKeys: String, CodingKey {
        case type, ref, code, message, role, name, group, reminder, stories, story, revision, by, checks, revisions
        case history, comments, invites, current, problems, file, text, map, image, kind, alt, data
        case storyID = "story_id"
    }

    static func error(_ error: StudioError, ref: String?) -> StudioReply {
        var reply = StudioReply(type: "error", ref: ref)
        reply.code = error.code.rawValue
        reply.message = error.message
        return reply
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    var bytes: [UInt8] { (try? Array(Self.encoder.encode(self))) ?? Array(#"{"type":"error"}"#.utf8) }
}

/// A line of the story list.
struct StorySummary: Encodable {
    var id: String
    var title: String
    var status: ReviewState
    var revision: Int
    var updatedAt: Date
    var updatedBy: String
    var scenes: Int

    init(_ story: StudioStory) {
        id = story.id
        title = story.content.title
        status = story.status
        revision = story.revision
        updatedAt = story.updatedAt
        updatedBy = story.updatedBy
        scenes = story.content.scenes.count
    }
}
