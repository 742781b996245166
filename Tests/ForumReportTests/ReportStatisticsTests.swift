import Foundation
import Testing

@testable import ForumReport

@Suite("Report statistics against published values")
struct ReportStatisticsTests {
    /// Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table I,
    /// method 3 (Wilson score interval without continuity correction).
    @Test(arguments: [
        (81, 263, 0.2553, 0.3662), (15, 148, 0.0624, 0.1605), (0, 20, 0.0, 0.1611), (1, 29, 0.0061, 0.1718),
    ])
    func wilsonMatchesNewcombe(successes: Int, trials: Int, low: Double, high: Double) throws {
        let interval = try #require(ReportStatistics.wilson(successes, of: trials))
        #expect(abs(interval.lowerBound - low) < 0.00005)
        #expect(abs(interval.upperBound - high) < 0.00005)
    }

    @Test func wilsonHasNoIntervalWithoutTrials() {
        #expect(ReportStatistics.wilson(0, of: 0) == nil)
        #expect(ReportStatistics.wilson(3, of: 2) == nil)
    }

    /// Exact McNemar p-values are binomial tail sums: b = 0, c = 6 gives 2/64; b = 2, c = 10
    /// gives 2 × (1 + 12 + 66) / 4096; b = 1, c = 6 gives 2 × 8/128.
    @Test func exactMcNemarIsTheTwoSidedBinomialTail() {
        #expect(ReportStatistics.exactMcNemar(0, 6) == 0.03125)
        #expect(abs(ReportStatistics.exactMcNemar(2, 10) - 158.0 / 4096) < 1e-12)
        #expect(ReportStatistics.exactMcNemar(6, 1) == 0.125)
        #expect(ReportStatistics.exactMcNemar(4, 4) == 1)
        #expect(ReportStatistics.exactMcNemar(0, 0) == 1)
        // Below the minimum no split can reach 0.05.
        #expect(ReportStatistics.exactMcNemar(0, ReportStatistics.mcNemarMinimumChanges - 1) > 0.05)
    }
}
