import ForumStudio
import Testing

@Suite("Review states")
struct ReviewTests {
    @Test("the way from draft to published and withdrawn")
    func happyPath() throws {
        var state = ReviewState.draft
        for (action, role, expected) in [
            (ReviewAction.submit, StudioRole.contributor, ReviewState.submitted),
            (.requestChanges, .organiser, .changesRequested),
            (.submit, .contributor, .submitted),
            (.approve, .organiser, .approved),
            (.publish, .organiser, .published),
            (.withdraw, .organiser, .withdrawn),
            (.reopen, .organiser, .draft),
        ] {
            state = try action.apply(to: state, by: role).get()
            #expect(state == expected)
        }
    }

    @Test("contributors cannot approve, publish, withdraw or send back")
    func organiserOnly() {
        for action in [ReviewAction.approve, .publish, .withdraw, .requestChanges] {
            for state in ReviewState.allCases {
                #expect(throws: StudioError.self) { try action.apply(to: state, by: .contributor).get() }
            }
        }
    }

    @Test("steps out of order are refused with the state in words")
    func outOfOrder() {
        #expect(throws: StudioError(.wrongState, "A story that is a draft cannot be published.")) {
            try ReviewAction.publish.apply(to: .draft, by: .organiser).get()
        }
        #expect(throws: StudioError.self) { try ReviewAction.approve.apply(to: .draft, by: .organiser).get() }
        #expect(throws: StudioError.self) { try ReviewAction.reopen.apply(to: .published, by: .organiser).get() }
        #expect(throws: StudioError.self) { try ReviewAction.reopen.apply(to: .approved, by: .contributor).get() }
    }

    @Test("only drafts and stories sent back can be edited")
    func editable() {
        #expect(ReviewState.allCases.filter(\.isEditable) == [.draft, .changesRequested])
    }
}
