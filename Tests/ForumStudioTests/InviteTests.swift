import ForumStudio
import Foundation
import Testing

/// A generator with a fixed sequence, so tokens are repeatable in tests.
struct CountingGenerator: RandomNumberGenerator {
    var state: UInt64 = 0x1234
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state
    }
}

@Suite("Invites")
struct InviteTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("a new invite has a 32-hex-digit token and expires after its days")
    func make() throws {
        var generator = CountingGenerator()
        let invite = try Invite.make(label: "  Tuesday group\u{7}  ", days: 14, now: now, using: &generator).get()
        #expect(invite.label == "Tuesday group")
        #expect(Invite.isTokenShaped(invite.token))
        #expect(invite.expiresAt == now.addingTimeInterval(14 * 86_400))
        var other = CountingGenerator(state: 99)
        let second = try Invite.make(label: "x", days: 1, now: now, using: &other).get()
        #expect(second.token != invite.token)
    }

    @Test("expired and revoked invites let nobody in")
    func admits() throws {
        var generator = CountingGenerator()
        var invite = try Invite.make(label: "Group", days: 1, now: now, using: &generator).get()
        #expect((try? invite.admits(at: now.addingTimeInterval(3600)).get()) != nil)
        #expect(throws: StudioError.self) { try invite.admits(at: now.addingTimeInterval(86_400)).get() }
        invite.revokedAt = now
        #expect(throws: StudioError.self) { try invite.admits(at: now).get() }
    }

    @Test("labels and lengths are limited")
    func limits() {
        var generator = CountingGenerator()
        #expect(throws: StudioError.self) { try Invite.make(label: " ", days: 3, now: now, using: &generator).get() }
        #expect(throws: StudioError.self) { try Invite.make(label: "a", days: 0, now: now, using: &generator).get() }
        #expect(throws: StudioError.self) { try Invite.make(label: "a", days: 91, now: now, using: &generator).get() }
        #expect(!Invite.isTokenShaped("ABCDEF0123456789ABCDEF0123456789"))
        #expect(!Invite.isTokenShaped("../../etc"))
    }
}
