import Foundation

/// The report's statistics: small pure functions, tested against published values.
public enum ReportStatistics {
    /// z for a two-sided 95% interval.
    public static let z95 = 1.959_963_984_540_054

    /// The Wilson score interval for `successes` out of `trials` (95% by default), as
    /// proportions from 0 to 1; nil when there were no trials. Good for small rooms: it never
    /// leaves 0...1 and does not collapse to a point at 0 or n (Newcombe 1998, method 3).
    public static func wilson(_ successes: Int, of trials: Int, z: Double = z95) -> ClosedRange<Double>? {
        guard trials > 0, (0...trials).contains(successes) else { return nil }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return max(0, centre - half)...min(1, centre + half)
    }

    /// The exact (binomial) McNemar test, two-sided: the chance of a split of the `b + c`
    /// people who changed at least as uneven as `b` against `c` if changing either way were
    /// equally likely. 1 when nobody changed.
    public static func exactMcNemar(_ b: Int, _ c: Int) -> Double {
        let n = b + c
        guard n > 0 else { return 1 }
        let k = min(b, c)
        var sum = 0.0
        var term = pow(0.5, Double(n))  // C(n, 0) / 2^n
        for i in 0...k {
            sum += term
            term *= Double(n - i) / Double(i + 1)
        }
        return min(1, 2 * sum)
    }

    /// Fewer changes than this can never give p < 0.05 in ``exactMcNemar(_:_:)`` (5 changes
    /// all one way give p = 0.0625), so the report does not run the test on them.
    public static let mcNemarMinimumChanges = 6
}
