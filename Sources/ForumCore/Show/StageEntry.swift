import Foundation

/// *(addition)* The shared show's state as one entry: the host's venue writes it with
/// compare-and-set and every venue follows it. It holds the position after a host command,
/// that command's stage records, and who wrote it when. The session seals it with the host
/// key (``previous`` is inside the seal), so a venue without the key cannot move the show,
/// and an old entry written again is refused.
public struct StageEntry: Sendable, Equatable, Codable {
    /// The format written now.
    public static let currentFormat = 1

    public var format: Int
    /// The revision of the entry it replaced (0: the first), which compare-and-set checked:
    /// a venue at that revision follows this entry's records; one further back catches up;
    /// one already past it refuses it (an old entry written again).
    public var previous: UInt64
    /// The venue whose host wrote it.
    public var venue: String
    /// The host command that made it (`open`, `next`, ...; `close` for a timed vote's end).
    public var command: String
    public var at: Date
    public var snapshot: ShowSnapshot
    public var records: [StageRecord]
    /// The fingerprint of the stories the writer runs (``Library/fingerprint``): a venue
    /// running other stories does not follow.
    public var library: String

    /// An entry.
    public init(
        previous: UInt64, venue: String, command: String, at: Date, snapshot: ShowSnapshot, records: [StageRecord],
        library: String
    ) {
        self.format = Self.currentFormat
        self.previous = previous
        self.venue = venue
        self.command = command
        self.at = at
        self.snapshot = snapshot
        self.records = records
        self.library = library
    }

    /// The entry as JSON (what the seal covers).
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return Array(try encoder.encode(self))
    }

    /// Reads an entry's JSON.
    public static func decoded(_ bytes: [UInt8]) throws -> StageEntry {
        try JSONDecoder().decode(StageEntry.self, from: Data(bytes))
    }
}
