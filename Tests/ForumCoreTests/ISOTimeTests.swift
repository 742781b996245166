import ForumCore
import Foundation
import Testing

/// The protocol's and the exports' times: written to the millisecond, and a time read back
/// from its text writes the same text (the typed messages check every message that way).
@Suite struct ISOTimeTests {
    @Test func everyMillisecondOfASecondReadsBackToTheSameText() throws {
        for millisecond in 0..<1000 {
            let text = "2026-12-01T13:07:50." + String(format: "%03d", millisecond) + "Z"
            let date = try #require(ISOTime.date(text))
            #expect(ISOTime.string(date) == text)
        }
    }

    @Test func timesAreWrittenToTheNearestMillisecond() {
        let base = Date(timeIntervalSince1970: 1_764_594_470)  // 2025-12-01T13:07:50Z
        #expect(ISOTime.string(base) == "2025-12-01T13:07:50.000Z")
        #expect(ISOTime.string(base.addingTimeInterval(0.4606)) == "2025-12-01T13:07:50.461Z")
        #expect(ISOTime.string(base.addingTimeInterval(0.9996)) == "2025-12-01T13:07:51.000Z")
        #expect(ISOTime.date("2025-12-01T13:07:50Z") == base)
    }
}
