import ForumCore
import Foundation

/// A connection's number, given by the IO side when the WebSocket opens; never reused.
public typealias ConnectionID = UInt64

/// What happens to a ``Session``: everything the IO side (the lws glue, or a test) feeds in.
public enum SessionEvent: Sendable {
    /// A WebSocket completed its handshake, from `source` (the peer's address, kept in memory
    /// only to slow down host-key guessing; nil when unknown).
    case connected(ConnectionID, source: String? = nil)
    /// A piece of a message arrived. `last` is true on the message's final piece; `binary`
    /// when the frame was binary (the protocol is JSON text).
    case received(ConnectionID, fragment: [UInt8], binary: Bool, last: Bool)
    /// The store committed `committed` and could not keep `failed` (tickets from
    /// ``SessionAction/store(_:ticket:)``). `retrying` says why when the disk failed and the
    /// store keeps the show's other records to write them again.
    case stored(committed: [UInt64], failed: [StoreFailure], retrying: String? = nil)
    /// A quarter second passed: flush coalesced tallies, close timed votes.
    case tick
    /// The connection is gone.
    case closed(ConnectionID)
    /// *(shared show)* The shared entry, sealed, as the hub holds it at `revision` (the
    /// current one when watching starts, then every change in order).
    case stageChanged(entry: [UInt8], revision: UInt64)
    /// *(shared show)* A write asked for with ``SessionAction/writeStage(_:expecting:ticket:)`` ended.
    case stageWritten(ticket: UInt64, result: StageWriteResult)
    /// *(shared show)* A venue's report (``VenueReport``'s bytes; this venue's own come too).
    case venueReported([UInt8])
    /// *(shared show)* This venue's votes stored and not yet confirmed by the hub, and
    /// whether the hub answers.
    case outbox(stored: Int, behind: Int, hubReachable: Bool)
}

/// A ticket the store could not keep, and why (for the log, not for the audience).
public struct StoreFailure: Sendable, Equatable {
    public var ticket: UInt64
    public var message: String

    /// A failed ticket and its reason.
    public init(ticket: UInt64, message: String) {
        self.ticket = ticket
        self.message = message
    }
}

/// What a ``Session`` asks the IO side to do, in order.
public enum SessionAction: Sendable, Equatable {
    /// Queue `bytes` (one encoded message) for a connection. Broadcasts hand the same
    /// array to every connection: it is encoded once and shared.
    case send(ConnectionID, [UInt8], SendKind)
    /// Hand a record to the store; its ticket comes back in ``SessionEvent/stored(committed:failed:)``.
    case store(ShowRecord, ticket: UInt64)
    /// Close the connection once what is queued for it has been written.
    case close(ConnectionID)
    /// Build the show's report from the database, off the service thread, and send it to
    /// this host connection as a `report` message with `ref` (``Session/requestReport(_:ref:from:)``).
    case buildReport(ConnectionID, ref: String?, edition: ReportEdition)
    /// *(shared show)* Write the sealed shared entry if the hub's is still at revision
    /// `expecting` (0: there is none yet); the end comes back as
    /// ``SessionEvent/stageWritten(ticket:result:)``.
    case writeStage([UInt8], expecting: UInt64, ticket: UInt64)
    /// *(shared show)* Publish this venue's report to the others.
    case reportVenue([UInt8])
}

/// The kinds of message an outbox may coalesce: only the newest state or tally matters to a
/// slow phone, every reply counts.
public enum SendKind: Sendable, Equatable {
    case reply
    case state
    case tally
}

/// The time an event happens: the wall clock for the show's records, and a monotonic
/// count of seconds for rate limits.
public struct SessionTime: Sendable, Equatable {
    public var date: Date
    public var seconds: Double
    /// How loaded the IO side's loop is at this moment (idle unless it says).
    public var load: LoopLoad

    /// A moment: `date` for records, `seconds` from any fixed origin for rate limits.
    public init(date: Date, seconds: Double, load: LoopLoad = LoopLoad()) {
        self.date = date
        self.seconds = seconds
        self.load = load
    }
}

/// How busy the IO loop is: the length of its last turn (what is read now waited about that
/// long) and the share of the last second or so it spent working rather than waiting.
public struct LoopLoad: Sendable, Equatable {
    public var turn: Double
    public var busy: Double

    /// A load: `turn` in seconds, `busy` from 0 (idle) to 1 (never waiting).
    public init(turn: Double = 0, busy: Double = 0) {
        self.turn = turn
        self.busy = busy
    }

    /// Offered more than it can do: busy without a pause for about three seconds (the
    /// average forgets with a time constant of one second), with turns long enough that what
    /// is read waited over 0.1 s. A burst (a whole room voting at once: 0.3 s of work for
    /// 10,000 phones, 0.7 s for 19,000, measured at most 0.84 busy on a loaded machine) is not
    /// this: a refused vote is one the person must send again. A flood that goes on is.
    public var saturated: Bool { busy >= 0.95 && turn >= 0.1 }
}
