import ForumCore
import Foundation
import Logging

/// The archive of a shared show (`forum serve --archive PATH`): a database of its own that
/// keeps the whole day from the hub's stream, in stream order: the stage from the copies of
/// the shared entry (checked with the host key, followed as a venue follows them), and
/// every venue's votes. A vote for a round the archive has not seen opened yet is held until
/// it has (the stream keeps each venue's order, not the order across venues). Pure: it
/// turns messages into records for the archive's store.
public struct ArchiveFollower {
    public private(set) var show: Show
    private let seal: StageSeal
    private let library: String
    /// The revision of the last entry followed.
    public private(set) var revision: UInt64
    /// Votes waiting for their round, by round id.
    public private(set) var held: [String: [RemoteVote]] = [:]
    /// Rounds the archive has opened.
    private var rounds: Set<String>
    /// Messages refused (not sealed with the host key, unreadable, other stories).
    public private(set) var refused = 0
    private let logger: Logger

    /// An archive resumed at `show` (from its database) whose stage is at `revision`, with
    /// `rounds` opened.
    public init(show: Show, hostKey: String, revision: UInt64, rounds: Set<String>, logger: Logger) {
        self.show = show
        self.seal = StageSeal(hostKey: hostKey)
        self.library = StageSeal.sha256(show.library.shapeText)
        self.revision = revision
        self.rounds = rounds
        self.logger = logger
    }

    /// The records one stream message asks the archive to store (none for a copy of an
    /// entry already followed, or a message refused).
    public mutating func take(subject: String, data: [UInt8], names: SharedShowNames) -> [ShowRecord] {
        if subject == names.stage { return takeStage(data) }
        // One vote a message (its message id de-duplicates it); an array is read too.
        guard let votes = (try? [RemoteVote(json: data)]) ?? (try? RemoteVote.votes(json: data)) else {
            refused += 1
            logger.error("the archive refused a message that is not votes", metadata: ["subject": "\(subject)"])
            return []
        }
        var ready: [RemoteVote] = []
        for vote in votes {
            if rounds.contains(vote.vote.roundID) {
                ready.append(vote)
            } else {
                held[vote.vote.roundID, default: []].append(vote)
            }
        }
        return ready.isEmpty ? [] : [.remoteVotes(ready)]
    }

    private mutating func takeStage(_ data: [UInt8]) -> [ShowRecord] {
        guard let copy = StageCopy.read(data), copy.revision > revision else { return [] }
        guard let body = seal.open(copy.entry), let entry = try? StageEntry.decoded(body), entry.library == library
        else {
            refused += 1
            logger.error("the archive refused a stage entry", metadata: ["revision": "\(copy.revision)"])
            return []
        }
        let consecutive = entry.previous == revision
        guard var records = show.adopt(entry.snapshot, records: consecutive ? entry.records : nil, at: entry.at)
        else {
            refused += 1
            return []
        }
        revision = copy.revision
        records.append(.sharedRevision(copy.revision))
        for record in records {
            guard case .roundOpened(let opening) = record else { continue }
            rounds.insert(opening.roundID)
            if let waiting = held.removeValue(forKey: opening.roundID) { records.append(.remoteVotes(waiting)) }
        }
        return records
    }
}
