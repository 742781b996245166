/// Why the studio refused something: a stable code for the page and a sentence for people.
public struct StudioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stable codes of the studio protocol (docs/studio.md).
    public enum Code: String, Sendable, Codable {
        case badMessage = "bad_message"
        case tooLarge = "too_large"
        case rateLimited = "rate_limited"
        case signInFirst = "sign_in_first"
        case badInvite = "bad_invite"
        case badKey = "bad_key"
        case notAllowed = "not_allowed"
        case unknownStory = "unknown_story"
        case unknownRevision = "unknown_revision"
        case wrongState = "wrong_state"
        case conflict
        case notEditable = "not_editable"
        case invalidContent = "invalid_content"
        case hasErrors = "has_errors"
        case storageFailed = "storage_failed"
        case publishFailed = "publish_failed"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
