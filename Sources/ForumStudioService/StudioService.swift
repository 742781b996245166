import ForumCore
import ForumStudio
import ForumStudioStore
import Foundation
import Synchronization

/// The studio's protocol without sockets: bytes from a connection in, the bytes to send to
/// which connections out. Every change is answered only after its transaction committed.
///
/// Thread-safe; the server calls it from one serial queue, so the messages of a connection
/// are handled in order.
public final class StudioService: Sendable {
    /// What to send to one connection.
    public struct Delivery: Sendable, Equatable {
        public var connection: UInt64
        public var bytes: [UInt8]
    }

    /// Who is on a connection, once it said hello.
    struct Session: Sendable {
        var role: StudioRole
        var name: String
        /// The invite a contributor came with.
        var group: String?
        /// The story the page has open, to tell it about others' changes.
        var watching: String?
    }

    /// The largest message, in bytes: an upload of a published Twine file (its story format
    /// included) fits, and a picture of 2 MiB as base64 (about 2.7 MiB).
    public static let maximumMessageSize = 4 * 1024 * 1024
    /// The largest message other than an upload (a story of the largest size fits, with room).
    public static let maximumEditSize = TextLimits.storyBytes + 64 * 1024

    static let reminder =
        "Please do not use the names of real patients, clients or staff: change names and details so "
        + "nobody can be recognised."

    let database: StudioDatabase
    let publisher: StoryPublisher
    private let organiserKey: String
    let clock: @Sendable () -> Date
    let sessions = Mutex<[UInt64: Session]>([:])

    public init(
        database: StudioDatabase, publisher: StoryPublisher, organiserKey: String,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.database = database
        self.publisher = publisher
        self.organiserKey = organiserKey
        self.clock = clock
    }

    /// Forgets a closed connection.
    public func closed(_ connection: UInt64) {
        _ = sessions.withLock { $0.removeValue(forKey: connection) }
    }

    /// Handles one message; never throws: a bad message gets an `error` and changes nothing.
    public func handle(_ bytes: [UInt8], from connection: UInt64) -> [Delivery] {
        guard bytes.count <= Self.maximumMessageSize else {
            return reply(.error(StudioError(.tooLarge, "That message is too large."), ref: nil), to: connection)
        }
        struct Kind: Decodable { var type: String }
        let kind = try? JSONDecoder().decode(Kind.self, from: Data(bytes))
        guard bytes.count <= Self.maximumEditSize || kind?.type == "import" || kind?.type == "picture" else {
            return reply(.error(StudioError(.tooLarge, "That message is too large."), ref: nil), to: connection)
        }
        let request: StudioRequest
        do {
            request = try JSONDecoder().decode(StudioRequest.self, from: Data(bytes))
        } catch {
            return reply(
                .error(StudioError(.badMessage, "That message could not be read."), ref: nil), to: connection)
        }
        do {
            return try route(request, from: connection)
        } catch let error as StudioError {
            return reply(.error(error, ref: request.ref), to: connection)
        } catch {
            return reply(
                .error(StudioError(.storageFailed, "That could not be saved. Please try again."), ref: request.ref),
                to: connection)
        }
    }

    func reply(_ message: StudioReply, to connection: UInt64) -> [Delivery] {
        [Delivery(connection: connection, bytes: message.bytes)]
    }

    private func route(_ request: StudioRequest, from connection: UInt64) throws -> [Delivery] {
        if request.type == "hello" { return try hello(request, from: connection) }
        if request.type == "ping" { return reply(StudioReply(type: "pong"), to: connection) }
        guard let session = try currentSession(connection) else {
            throw StudioError(.signInFirst, "Open your invite link again, or sign in as an organiser.")
        }
        switch request.type {
        case "list": return try list(request, session: session, from: connection)
        case "create": return try create(request, session: session, from: connection)
        case "import": return try importStory(request, session: session, from: connection)
        case "open": return try open(request, session: session, from: connection)
        case "save": return try save(request, session: session, from: connection)
        case "restore": return try restore(request, session: session, from: connection)
        case "revisions": return try revisions(request, session: session, from: connection)
        case "review": return try review(request, session: session, from: connection)
        case "comment": return try comment(request, session: session, from: connection)
        case "download": return try download(request, session: session, from: connection)
        case "map": return try storyMap(request, session: session, from: connection)
        case "picture": return try addPicture(request, session: session, from: connection)
        case "picture_get": return try picture(request, session: session, from: connection)
        case "invites", "invite_create", "invite_revoke":
            return try invites(request, session: session, from: connection)
        default:
            throw StudioError(.badMessage, "Unknown message type.")
        }
    }

    /// The session of a connection; a contributor whose invite has since closed is signed out.
    private func currentSession(_ connection: UInt64) throws -> Session? {
        guard let session = sessions.withLock({ $0[connection] }) else { return nil }
        if session.role == .contributor, let token = session.group {
            guard let invite = try database.invite(token) else { return nil }
            if case .failure(let error) = invite.admits(at: clock()) { throw error }
        }
        return session
    }

    private func hello(_ request: StudioRequest, from connection: UInt64) throws -> [Delivery] {
        let name = DisplayName.cleaned(request.name)
        var session: Session
        var groupLabel: String?
        if let key = request.key {
            guard Self.sameKey(key, organiserKey) else {
                throw StudioError(.badKey, "That organiser key is not right.")
            }
            session = Session(role: .organiser, name: name.isEmpty ? "Organiser" : name)
        } else if let token = request.invite, Invite.isTokenShaped(token), let invite = try database.invite(token) {
            if case .failure(let error) = invite.admits(at: clock()) { throw error }
            session = Session(role: .contributor, name: name, group: token)
            groupLabel = invite.label
        } else {
            throw StudioError(.badInvite, "This invite link is not known: ask the organisers for a new one.")
        }
        sessions.withLock { $0[connection] = session }
        var welcome = StudioReply(type: "welcome", ref: request.ref)
        welcome.role = session.role
        welcome.name = session.name
        welcome.group = groupLabel
        welcome.reminder = Self.reminder
        return reply(welcome, to: connection)
    }

    /// Compares keys in time that does not depend on where they differ.
    static func sameKey(_ given: String, _ expected: String) -> Bool {
        let a = Array(given.utf8)
        let b = Array(expected.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0 && !expected.isEmpty
    }

    /// The story `id` if this session may see it.
    func accessible(_ id: String?, session: Session) throws -> StudioStory {
        guard let id, let story = try database.story(id), session.role == .organiser || story.group == session.group
        else { throw StudioError(.unknownStory, "That story cannot be found.") }
        return story
    }

    /// Connections other than `connection` that have story `id` open.
    func watchers(of id: String, except connection: UInt64) -> [UInt64] {
        sessions.withLock { sessions in
            sessions.filter { $0.key != connection && $0.value.watching == id }.map(\.key).sorted()
        }
    }

    func watch(_ id: String?, from connection: UInt64) {
        sessions.withLock { $0[connection]?.watching = id }
    }
}
