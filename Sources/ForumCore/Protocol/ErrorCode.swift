/// Every `code` an `error` message can carry (docs/protocol.md, "Errors"), as a type: the
/// server builds its errors from these, and clients (the console, forum-bench, the tests)
/// compare against them instead of spelling the strings again.
public enum ErrorCode: String, Sendable, CaseIterable {
    case badJSON = "bad_json"
    case badMessage = "bad_message"
    case unknownType = "unknown_type"
    case tooLarge = "too_large"
    case rateLimited = "rate_limited"
    case notJoined = "not_joined"
    case alreadyJoined = "already_joined"
    case badRole = "bad_role"
    case unauthorized
    case tooManyAttempts = "too_many_attempts"
    case forbidden
    case unknownDecision = "unknown_decision"
    case decisionClosed = "decision_closed"
    case unknownOption = "unknown_option"
    case unknownPerspective = "unknown_perspective"
    case unknownCommand = "unknown_command"
    case unknownStory = "unknown_story"
    case unknownScene = "unknown_scene"
    case unknownSession = "unknown_session"
    case noStory = "no_story"
    case noDecision = "no_decision"
    case roundExists = "round_exists"
    case roundNotOpen = "round_not_open"
    case noRound = "no_round"
    case tie
    case atDecision = "at_decision"
    case atEnding = "at_ending"
    case storageFailed = "storage_failed"
    case overloaded
    case nothingToUndo = "nothing_to_undo"
    case proposalsClosed = "proposals_closed"
    case unknownProposal = "unknown_proposal"
    case proposalState = "proposal_state"
    case tooManyInterventions = "too_many_interventions"
    /// *(addition)* `split` by the other dimension in a round already split one way.
    case splitFixed = "split_fixed"
    case reportFailed = "report_failed"
    /// *(addition)* A shared show: another venue's host moved the show first.
    case stageMoved = "stage_moved"
    /// *(addition)* A shared show: the hub cannot be reached, so the show cannot move on.
    case venuesUnreachable = "venues_unreachable"
}

extension ProtocolError {
    /// An error with one of the protocol's codes.
    public init(_ code: ErrorCode, _ message: String, ref: String? = nil) {
        self.init(code.rawValue, message, ref: ref)
    }

    /// The code as a type (nil only for a code this build does not know).
    public var errorCode: ErrorCode? { ErrorCode(rawValue: code) }
}
