/// p50/p95/p99/max (and min, mean) of a set of samples, in milliseconds.
struct Percentiles {
    var count: Int
    var min: Double
    var p50: Double
    var p95: Double
    var p99: Double
    var max: Double
    var mean: Double

    /// Nearest-rank percentiles of `samples`; all zero when there are none.
    init(_ samples: [Double]) {
        let sorted = samples.sorted()
        count = sorted.count
        guard let first = sorted.first, let last = sorted.last else {
            (min, p50, p95, p99, max, mean) = (0, 0, 0, 0, 0, 0)
            return
        }
        func rank(_ fraction: Double) -> Double {
            let position = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
            return sorted[Swift.max(0, Swift.min(sorted.count - 1, position))]
        }
        min = first
        p50 = rank(0.50)
        p95 = rank(0.95)
        p99 = rank(0.99)
        max = last
        mean = sorted.reduce(0, +) / Double(sorted.count)
    }

    /// The figures for the JSON report.
    var json: ReportJSON {
        .object([
            ("count", .int(count)), ("min_ms", .number(min)), ("p50_ms", .number(p50)), ("p95_ms", .number(p95)),
            ("p99_ms", .number(p99)), ("max_ms", .number(max)), ("mean_ms", .number(mean)),
        ])
    }
}
