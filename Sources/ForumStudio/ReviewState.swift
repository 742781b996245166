/// Where a story is on its way from a draft to the show: draft -> submitted -> changes
/// requested or approved -> published, and withdrawn after publishing.
public enum ReviewState: String, Sendable, Codable, CaseIterable {
    case draft
    case submitted
    case changesRequested = "changes_requested"
    case approved
    case published
    case withdrawn

    /// True when the story's text may be changed: a draft, or one sent back for changes.
    /// Submitted, approved and published stories are frozen until they are reopened.
    public var isEditable: Bool { self == .draft || self == .changesRequested }
}

/// Who is acting: contributors come through an invite link, organisers sign in with the key.
public enum StudioRole: String, Sendable, Codable {
    case contributor
    case organiser
}

/// A step of the review.
public enum ReviewAction: String, Sendable, Codable, CaseIterable {
    /// The writers send the story for review.
    case submit
    /// An organiser sends it back with comments.
    case requestChanges = "request_changes"
    /// An organiser accepts it for the show.
    case approve
    /// An organiser puts an approved story into the show's library.
    case publish
    /// An organiser takes a published story out of the library again.
    case withdraw
    /// Back to a draft: the writers take back a submission, or an organiser reopens an
    /// approved or withdrawn story.
    case reopen

    /// The state after this step from `state` by `role`, or the reason it cannot be taken.
    public func apply(to state: ReviewState, by role: StudioRole) -> Result<ReviewState, StudioError> {
        let organiserOnly: Set<ReviewAction> = [.requestChanges, .approve, .publish, .withdraw]
        if organiserOnly.contains(self), role != .organiser {
            return .failure(StudioError(.notAllowed, "Only an organiser can do this."))
        }
        let allowed: [ReviewState: ReviewState]
        switch self {
        case .submit: allowed = [.draft: .submitted, .changesRequested: .submitted]
        case .requestChanges: allowed = [.submitted: .changesRequested, .approved: .changesRequested]
        case .approve: allowed = [.submitted: .approved]
        case .publish: allowed = [.approved: .published]
        case .withdraw: allowed = [.published: .withdrawn]
        case .reopen:
            allowed =
                role == .organiser
                ? [.submitted: .draft, .approved: .draft, .withdrawn: .draft, .changesRequested: .draft]
                : [.submitted: .draft]
        }
        guard let next = allowed[state] else {
            return .failure(
                StudioError(.wrongState, "A story that is \(state.words) cannot be \(pastParticiple)."))
        }
        return .success(next)
    }

    /// "submitted", "approved" …: for messages.
    var pastParticiple: String {
        switch self {
        case .submit: "submitted"
        case .requestChanges: "sent back for changes"
        case .approve: "approved"
        case .publish: "published"
        case .withdraw: "withdrawn"
        case .reopen: "reopened"
        }
    }
}

extension ReviewState {
    /// The state in plain words.
    public var words: String {
        switch self {
        case .draft: "a draft"
        case .submitted: "submitted for review"
        case .changesRequested: "sent back for changes"
        case .approved: "approved"
        case .published: "published"
        case .withdrawn: "withdrawn"
        }
    }
}
