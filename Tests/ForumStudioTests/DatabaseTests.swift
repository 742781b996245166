import ForumCore
import ForumStudio
import ForumStudioStore
import Foundation
import Testing

@Suite("Studio database")
struct DatabaseTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("studio-\(UUID().uuidString).sqlite").path
    }

    func database() throws -> StudioDatabase { try StudioDatabase(path: temporaryPath()) }

    @Test("a story gets an id from its title and keeps every revision")
    func revisions() throws {
        let db = try database()
        var content = StoryTemplate.blank.story(id: "", title: "Sam's Night")
        let created = try db.create(content, group: nil, author: "Ann", at: now)
        #expect(created.id == "sams-night")
        #expect(created.revision == 1)
        content.scenes[0].text = "It is 2am."
        let saved = try db.save(content, to: created.id, base: 1, author: "Bo", at: now).get()
        #expect(saved.revision == 2)
        #expect(try db.story(created.id)?.content.scenes[0].text == "It is 2am.")
        #expect(try db.revisions(of: created.id).map(\.author) == ["Ann", "Bo"])
        #expect(try db.content(of: created.id, revision: 1)?.scenes[0].text == "")
        let second = try db.create(content, group: nil, author: "", at: now)
        #expect(second.id == "sams-night-2")
    }

    @Test("a save made on an old revision is refused and changes nothing")
    func conflict() throws {
        let db = try database()
        var content = StoryTemplate.blank.story(id: "", title: "Two writers")
        let story = try db.create(content, group: nil, author: "Ann", at: now)
        content.scenes[0].text = "Ann's"
        _ = try db.save(content, to: story.id, base: 1, author: "Ann", at: now).get()
        content.scenes[0].text = "Bo's"
        let refused = try db.save(content, to: story.id, base: 1, author: "Bo", at: now)
        #expect(throws: StudioError.self) { try refused.get() }
        guard case .failure(let error) = refused else { return }
        #expect(error.code == .conflict)
        #expect(error.message.hasPrefix("Ann changed this story"))
        #expect(try db.story(story.id)?.content.scenes[0].text == "Ann's")
        #expect(try db.story(story.id)?.revision == 2)
    }

    @Test("review steps are kept; submitted stories are frozen; stories with errors cannot be submitted")
    func review() throws {
        let db = try database()
        let blank = try db.create(StoryTemplate.blank.story(id: "", title: "Blank"), group: nil, author: "", at: now)
        let refused = try db.review(blank.id, action: .submit, role: .contributor, by: "Ann", note: "", at: now)
        guard case .failure(let error) = refused else {
            Issue.record("a story with an empty scene was submitted")
            return
        }
        #expect(error.code == .hasErrors)
        let story = try db.create(
            StoryTemplate.decision.story(id: "", title: "Ready"), group: nil, author: "Ann", at: now)
        _ = try db.review(story.id, action: .submit, role: .contributor, by: "Ann", note: "", at: now).get()
        let frozen = try db.save(story.content, to: story.id, base: 1, author: "Ann", at: now)
        #expect(throws: StudioError.self) { try frozen.get() }
        _ = try db.review(story.id, action: .approve, role: .organiser, by: "Org", note: "lovely", at: now).get()
        let history = try db.reviewHistory(of: story.id)
        #expect(history.map(\.to) == [.submitted, .approved])
        #expect(history[1].note == "lovely")
    }

    @Test("a failing publish effect leaves the story approved")
    func publishRollsBack() throws {
        struct DiskFull: Error {}
        let db = try database()
        let story = try db.create(StoryTemplate.decision.story(id: "", title: "Full"), group: nil, author: "", at: now)
        _ = try db.review(story.id, action: .submit, role: .contributor, by: "", note: "", at: now).get()
        _ = try db.review(story.id, action: .approve, role: .organiser, by: "", note: "", at: now).get()
        #expect(throws: DiskFull.self) {
            _ = try db.review(story.id, action: .publish, role: .organiser, by: "", note: "", at: now) { _ in
                throw DiskFull()
            }
        }
        #expect(try db.story(story.id)?.status == .approved)
        #expect(try db.reviewHistory(of: story.id).count == 2)
    }

    @Test("comments, invites and revocation")
    func commentsAndInvites() throws {
        let db = try database()
        let story = try db.create(StoryTemplate.decision.story(id: "", title: "C"), group: nil, author: "", at: now)
        _ = try db.comment(
            on: story.id, scene: "start", text: "Say who\u{7} calls", by: "Org", role: .organiser, at: now
        )
        .get()
        #expect(try db.comments(on: story.id).map(\.text) == ["Say who calls"])
        #expect(throws: StudioError.self) {
            try db.comment(on: story.id, scene: nil, text: "  ", by: "", role: .organiser, at: now).get()
        }
        var generator = SystemRandomNumberGenerator()
        let invite = try Invite.make(label: "Group", days: 7, now: now, using: &generator).get()
        try db.add(invite)
        #expect(try db.invite(invite.token) == invite)
        #expect(try db.revokeInvite(invite.token, at: now))
        #expect(try db.invite(invite.token)?.revokedAt == now)
        let mine = try db.create(
            StoryTemplate.blank.story(id: "", title: "Mine"), group: invite.token, author: "", at: now)
        #expect(try db.stories(group: invite.token).map(\.id) == [mine.id])
        #expect(try db.stories(group: nil).count == 2)
    }

    @Test("the history is append-only, and other databases are refused")
    func appendOnlyAndForeign() throws {
        let path = temporaryPath()
        _ = try StudioDatabase(path: path)
        let reopened = try StudioDatabase(path: path)
        _ = try reopened.create(StoryTemplate.blank.story(id: "", title: "A"), group: nil, author: "", at: now)
        #expect(throws: (any Error).self) { try reopened.tamper("UPDATE revisions SET author = 'x'") }
        #expect(throws: (any Error).self) { try reopened.tamper("DELETE FROM revisions") }
        let show = temporaryPath()
        let other = try StudioDatabase(path: show)
        try other.tamper("PRAGMA application_id = 1")
        #expect(throws: StudioDatabase.OpenError.self) { _ = try StudioDatabase(path: show) }
    }
}
