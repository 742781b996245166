import Foundation

/// ISO 8601 UTC times with milliseconds, as the protocol and the exports write them.
public enum ISOTime {
    /// `2026-11-22T13:25:06.123Z`.
    public static func string(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
