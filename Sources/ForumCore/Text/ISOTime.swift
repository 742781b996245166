import Foundation

/// ISO 8601 UTC times with milliseconds, as the protocol and the exports write them.
public enum ISOTime {
    /// `2026-11-22T13:25:06.123Z`, to the nearest millisecond. Rounded rather than cut:
    /// a time read back from its text (``date(_:)``) is a binary fraction a hair under its
    /// milliseconds, and cutting would write `.460` for a `.461` read back.
    public static func string(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        let seconds = (milliseconds / 1000).rounded(.down)
        let whole = Date(timeIntervalSince1970: seconds).formatted(Date.ISO8601FormatStyle())
        let fraction = Int(milliseconds - seconds * 1000)
        let digits = String(fraction)
        return whole.dropLast() + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }
}
