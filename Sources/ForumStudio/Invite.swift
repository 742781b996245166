import Foundation

/// An invite link for one group or workshop: contributors who open it can write stories
/// with the group, until it expires or an organiser revokes it. It holds no names.
public struct Invite: Sendable, Equatable, Codable {
    /// The random part of the link (`/?invite=TOKEN`), 128 bits as 32 hex digits.
    public var token: String
    /// The group's label, such as "Tuesday carers' group": chosen by the organiser.
    public var label: String
    public var createdAt: Date
    public var expiresAt: Date
    public var revokedAt: Date?

    public init(token: String, label: String, createdAt: Date, expiresAt: Date, revokedAt: Date? = nil) {
        self.token = token
        self.label = label
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// The longest an invite can stay open.
    public static let longestDays = 90
    /// The longest label.
    public static let labelLimit = 80

    /// A new invite with a random token, open for `days` (1 to ``longestDays``) from `now`.
    public static func make<G: RandomNumberGenerator>(
        label: String, days: Int, now: Date, using generator: inout G
    ) -> Result<Invite, StudioError> {
        let label = TextLimits.cleaned(label).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !label.isEmpty, label.count <= labelLimit else {
            return .failure(StudioError(.invalidContent, "Give the invite a name of 1 to \(labelLimit) characters."))
        }
        guard (1...longestDays).contains(days) else {
            return .failure(StudioError(.invalidContent, "An invite can stay open for 1 to \(longestDays) days."))
        }
        var token = ""
        for _ in 0..<4 {
            let word = UInt32.random(in: .min ... .max, using: &generator)
            let hex = String(word, radix: 16)
            token += String(repeating: "0", count: 8 - hex.count) + hex
        }
        return .success(
            Invite(token: token, label: label, createdAt: now, expiresAt: now.addingTimeInterval(Double(days) * 86_400))
        )
    }

    /// Whether the link lets someone in at `now`, or why not.
    public func admits(at now: Date) -> Result<Void, StudioError> {
        if revokedAt != nil {
            return .failure(StudioError(.badInvite, "This invite link has been closed by the organisers."))
        }
        if now >= expiresAt {
            return .failure(StudioError(.badInvite, "This invite link has expired: ask the organisers for a new one."))
        }
        return .success(())
    }

    /// True for a string shaped like a token (checked before any look-up).
    public static func isTokenShaped(_ text: String) -> Bool {
        text.utf8.count == 32
            && text.utf8.allSatisfy {
                ("0"..."9").contains(Character(UnicodeScalar($0))) || ("a"..."f").contains(Character(UnicodeScalar($0)))
            }
    }
}
