import Testing

@testable import ForumNats

/// The same libnats warning is shown once a minute, with how many were held back.
@Suite struct RepeatedWarningsTests {
    @Test func theSameWarningIsShownOnceAMinuteAndCountsWhatWasHeldBack() {
        var warnings = RepeatedWarnings()
        #expect(warnings.admit("Missed Server Heartbeat", at: 0) == (true, 0))
        #expect(warnings.admit("Missed Server Heartbeat", at: 10) == (false, 0))
        #expect(warnings.admit("Missed Server Heartbeat", at: 20) == (false, 0))
        #expect(warnings.admit("No responders available for request", at: 20) == (true, 0), "another one at once")
        #expect(warnings.admit("Missed Server Heartbeat", at: 61) == (true, 2))
        #expect(warnings.admit("Missed Server Heartbeat", at: 130) == (true, 0))
    }
}
