/// The names a shared show uses on NATS, from its show name (`--nats-show`): one key-value
/// bucket holding the shared entry, one stream keeping the day (every venue's votes and a
/// copy of each entry), and the subjects of both and of the venues' reports.
public struct SharedShowNames: Sendable, Equatable {
    public let show: String

    /// Names for `show`: 1 to 32 letters, digits, `-` or `_` (nil otherwise).
    public init?(show: String) {
        guard (1...32).contains(show.utf8.count),
            show.utf8.allSatisfy({
                $0 == 45 || $0 == 95 || (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0)
            })
        else { return nil }
        self.show = show
    }

    /// The key-value bucket and the key of the shared entry.
    public var bucket: String { "forum_\(show)" }
    public let key = "stage"
    /// The stream of the day.
    public var stream: String { "FORUM_\(show)" }
    /// Where `venue` publishes its votes.
    public func votes(of venue: String) -> String { "forum.\(show).votes.\(venue)" }
    /// Where copies of the shared entry go, for the archive.
    public var stage: String { "forum.\(show).stage" }
    /// The stream's subjects.
    public var streamSubjects: [String] { ["forum.\(show).votes.*", stage] }
    /// Where `venue` publishes its reports; and every venue's.
    public func report(of venue: String) -> String { "forum.\(show).report.\(venue)" }
    public var reports: String { "forum.\(show).report.*" }
}

/// A copy of the shared entry as the stream keeps it: its revision, a newline, the sealed
/// entry (so the archive knows each entry's place in the history).
public enum StageCopy {
    /// The copy of `entry` at `revision`.
    public static func bytes(revision: UInt64, entry: [UInt8]) -> [UInt8] {
        Array("\(revision)\n".utf8) + entry
    }

    /// The revision and sealed entry of a copy; nil for anything else.
    public static func read(_ bytes: [UInt8]) -> (revision: UInt64, entry: [UInt8])? {
        guard let newline = bytes.firstIndex(of: 10), newline > 0, newline <= 20,
            let revision = UInt64(String(decoding: bytes[..<newline], as: UTF8.self))
        else { return nil }
        return (revision, Array(bytes[(newline + 1)...]))
    }
}
