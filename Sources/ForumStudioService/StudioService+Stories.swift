import ForumCore
import ForumStoryMap
import ForumStudio
import ForumStudioStore
import Foundation

extension StudioService {
    func list(_ request: StudioRequest, session: Session, from connection: UInt64) throws -> [Delivery] {
        var message = StudioReply(type: "stories", ref: request.ref)
        let group = session.role == .organiser ? nil : session.group
        message.stories = try database.stories(group: group).map(StorySummary.init)
        return reply(message, to: connection)
    }

    func create(_ request: StudioRequest, session: Session, from connection: UInt64) throws -> [Delivery] {
        let title = DisplayName.cleaned(request.title).isEmpty ? "New story" : TextLimits.cleaned(request.title ?? "")
        let content = try TextLimits.validated((request.template ?? .blank).story(id: "", title: title)).get()
        let story = try database.create(
            content, group: session.group, author: session.name, at: clock(), reserved: publisher.existingIDs())
        return try opened(story, ref: request.ref, from: connection)
    }

    /// A Twee or Twine HTML upload, through the same importer as `forum import`.
    func importStory(_ request: StudioRequest, session: Session, from connection: UInt64) throws -> [Delivery] {
        let name = (request.file ?? "story.twee").replacingOccurrences(of: "/", with: "_")
        let result = TwineImport.run(path: name, bytes: Array((request.data ?? "").utf8))
        guard let imported = result.story else {
            var error = StudioReply.error(
                StudioError(.invalidContent, "The file could not be imported."), ref: request.ref)
            error.problems = result.diagnostics.map(\.description)
            return reply(error, to: connection)
        }
        let content = try TextLimits.validated(imported).get()
        let story = try database.create(
            content, group: session.group, author: session.name, at: clock(), reserved: publisher.existingIDs())
        var messages = try opened(story, ref: request.ref, from: connection)
        if !result.diagnostics.isEmpty {
            var notes = StudioReply(type: "import_notes", ref: request.ref)
            notes.problems = result.diagnostics.map(\.description)
            messages += reply(notes, to: connection)
        }
        return messages
    }

    func open(_ request: StudioRequest, session: Session, from connection: UInt64) throws -> [Delivery] {
        try opened(try accessible(request.story, session: session), ref: request.ref, from: connection)
    }

    /// The `story` message for a story the page now has open (with its checks, comments and history).
    func opened(_ story: StudioStory, ref: String?, from connection: UInt64) throws -> [Delivery] {
        watch(story.id, from: connection)
        var message = StudioReply(type: "story", ref: ref)
        message.story = story
        message.checks = StudioChecks.check(story.content)
        message.comments = try database.comments(on: story.id)
        message.history = try database.reviewHistory(of: story.id)
        return reply(message, to: connection)
    }

    func save(_ request: StudioRequest, session: Session, from connection: UInt64) throws -> [Delivery] {
        let current = try accessible(request.story, session: session)
        guard let content = request.content, let base = request.base else {
            throw StudioError(.badMessage, "A save needs the story's text and the revision it was made on.")
        }
        return try store(content, on: current, base: base, session: session, ref: request.ref, from: connection)
    }

    /// Brings an earlier revision back, as a new revision (nothing is lost: the undo of a whole story).
    func restore(_ request: StudioRequest, session: Session, from connection: UInt64) throws -> [Delivery] {
        let current = try accessible(request.story, session: session)
        guard let revision = request.revision, let content = try database.content(of: current.id, revision: revision)
        else { throw StudioError(.unknownRevision, "That revision cannot be found.") }
        var messages = try store(
            content, on: current, base: request.base ?? current.revision, session: session, ref: request.ref,
            from: connection)
        if let saved = try database.story(current.id) {
            messages += try opened(saved, ref: request.ref, from: connection)
        }
        return messages
    }

    private func store(
        _ content: Story, on current: StudioStory, base: Int, session: Session, ref: String?, from connection: UInt64
    ) throws -> [Delivery] {
        let content = try TextLimits.validated(content).get()
        switch try database.save(content, to: current.id, base: base, author: session.name, at: clock()) {
        case .failure(let error):
            var message = StudioReply.error(error, ref: ref)
            if error.code == .conflict { message.current = try database.story(current.id) }
            return reply(message, to: connection)
        case .success(let saved):
            var message = StudioReply(type: "saved", ref: ref)
            message.storyID = saved.id
            message.revision = saved.revision
            message.checks = StudioChecks.check(saved.content)
            var changed = StudioReply(type: "changed")
            changed.storyID = saved.id
            changed.revision = saved.revision
            changed.by = saved.updatedBy
            return reply(message, to: connection)
                + watchers(of: saved.id, except: connection).map { Delivery(connection: $0, bytes: changed.bytes) }
        }
    }

    func revisions(_ request: StudioRequest, session: Session, from connection: UInt64) throws -> [Delivery] {
        let story = try accessible(request.story, session: session)
        var message = StudioReply(type: "revisions", ref: request.ref)
        message.storyID = story.id
        message.revisions = try database.revisions(of: story.id)
        return reply(message, to: connection)
    }

    /// The story as a file to download: Twee 3 (for Twine) or the YAML story file.
    func download(_ request: StudioRequest, session: Session, from connection: UInt64) throws -> [Delivery] {
        let story = try accessible(request.story, session: session)
        var message = StudioReply(type: "file", ref: request.ref)
        if request.format == "twee" {
            message.file = story.id + ".twee"
            message.text = TweeWriter.twee(story.content, newIFID: { UUID().uuidString.uppercased() })
        } else {
            message.file = story.id + ".yaml"
            message.text = StoryYAMLWriter.yaml(story.content)
        }
        return reply(message, to: connection)
    }
}

extension StudioService {
    /// The story map's picture: Graphviz's layout of the scenes and links (the page draws
    /// the names itself, as text).
    func storyMap(_ request: StudioRequest, session: Session, from connection: UInt64) throws -> [Delivery] {
        let story = try accessible(request.story, session: session)
        var message = StudioReply(type: "map", ref: request.ref)
        message.storyID = story.id
        message.map = StoryMapLayout.layout(story.content)
        return reply(message, to: connection)
    }
}
