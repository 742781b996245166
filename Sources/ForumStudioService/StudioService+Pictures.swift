import ForumStudio
import ForumStudioStore
import Foundation

extension StudioService {
    /// `picture`: a picture from the writer's device for a scene, in one message (`data`: the
    /// file as base64, at most 2 MiB of picture; `alt`: its description, required). Checked by
    /// its first bytes, kept in the database, and answered with its new path; the page then
    /// puts the path and description into the scene and saves the story as for any change.
    func addPicture(_ request: StudioRequest, session: Session, from connection: UInt64) throws -> [Delivery] {
        let story = try accessible(request.story, session: session)
        let text = request.data ?? ""
        // Base64 is 4 characters per 3 bytes: refuse what cannot fit before decoding it.
        guard text.utf8.count / 4 * 3 <= PictureRules.maximumBytes + 3 else {
            throw StudioError(.tooLarge, PictureRules.tooLargeMessage(bytes: text.utf8.count / 4 * 3))
        }
        guard let data = Data(base64Encoded: text) else {
            throw StudioError(.invalidContent, "The picture could not be read: please choose it again.")
        }
        var generator = SystemRandomNumberGenerator()
        let picture = try database.addPicture(
            to: story.id, bytes: Array(data), alt: request.alt ?? "", by: session.name, at: clock(),
            using: &generator
        ).get()
        var message = StudioReply(type: "picture", ref: request.ref)
        message.storyID = story.id
        message.image = picture.path
        message.kind = picture.kind.rawValue
        message.alt = picture.alt
        return reply(message, to: connection)
    }

    /// `picture_get`: a picture of the story, to show in the editor and the preview.
    func picture(_ request: StudioRequest, session: Session, from connection: UInt64) throws -> [Delivery] {
        let story = try accessible(request.story, session: session)
        guard let path = request.image, let picture = try database.pictures(of: story.id, at: [path]).first else {
            throw StudioError(.unknownStory, "That picture cannot be found.")
        }
        var message = StudioReply(type: "picture", ref: request.ref)
        message.storyID = story.id
        message.image = picture.path
        message.kind = picture.kind.rawValue
        message.alt = picture.alt
        message.data = Data(picture.bytes).base64EncodedString()
        return reply(message, to: connection)
    }
}
