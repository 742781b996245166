import ForumCore
import ForumStudio
import ForumStudioStore
import Foundation

extension StudioService {
    /// A review step; publishing writes the story file and withdrawing removes it, inside the
    /// step's transaction (a file that cannot be written leaves the story approved).
    func review(_ request: StudioRequest, session: Session, from connection: UInt64) throws -> [Delivery] {
        let story = try accessible(request.story, session: session)
        guard let action = request.action else { throw StudioError(.badMessage, "Which review step?") }
        let publisher = publisher
        // Read before the step's transaction (which cannot read again inside): the pictures the
        // story's scenes name. A picture added since is missing from the folder, and the check
        // inside refuses the publication with what is missing.
        let pictures =
            action == .publish
            ? try database.pictures(of: story.id, at: Set(story.content.scenes.compactMap(\.image)))
                .map { (path: $0.path, bytes: $0.bytes) } : []
        let result: Result<StudioStory, StudioError>
        do {
            result = try database.review(
                story.id, action: action, role: session.role, by: session.name, note: request.note ?? "",
                at: clock()
            ) { story in
                if action == .publish { try publisher.publish(story.content, pictures: pictures) }
                if action == .withdraw { try publisher.withdraw(story.id) }
            }
        } catch let failure as StoryPublisher.Failure {
            throw StudioError(.publishFailed, "The story file could not be written: \(failure.description)")
        }
        let updated = try result.get()
        var changed = StudioReply(type: "changed")
        changed.storyID = updated.id
        changed.revision = updated.revision
        changed.by = session.name
        return try opened(updated, ref: request.ref, from: connection)
            + watchers(of: updated.id, except: connection).map { Delivery(connection: $0, bytes: changed.bytes) }
    }

    func comment(_ request: StudioRequest, session: Session, from connection: UInt64) throws -> [Delivery] {
        let story = try accessible(request.story, session: session)
        _ = try database.comment(
            on: story.id, scene: request.scene, text: request.text ?? "", by: session.name, role: session.role,
            at: clock()
        ).get()
        var message = StudioReply(type: "comments", ref: request.ref)
        message.storyID = story.id
        message.comments = try database.comments(on: story.id)
        let others = watchers(of: story.id, except: connection).map { Delivery(connection: $0, bytes: message.bytes) }
        return reply(message, to: connection) + others
    }

    /// Organisers' invites: list, make, revoke.
    func invites(_ request: StudioRequest, session: Session, from connection: UInt64) throws -> [Delivery] {
        guard session.role == .organiser else { throw StudioError(.notAllowed, "Only an organiser can do this.") }
        if request.type == "invite_create" {
            var generator = SystemRandomNumberGenerator()
            let invite = try Invite.make(
                label: request.label ?? "", days: request.days ?? 14, now: clock(), using: &generator
            ).get()
            try database.add(invite)
        } else if request.type == "invite_revoke" {
            guard let token = request.token, try database.revokeInvite(token, at: clock()) else {
                throw StudioError(.badInvite, "That invite is not open.")
            }
        }
        var message = StudioReply(type: "invites", ref: request.ref)
        message.invites = try database.invites()
        return reply(message, to: connection)
    }
}
