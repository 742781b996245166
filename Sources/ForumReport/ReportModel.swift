import ForumCore

/// Every figure of a report, as `report.json` holds it (keys in snake_case). The HTML is
/// rendered from this alone, so the two always agree.
public struct Report: Sendable, Encodable, Equatable, NullEncoding {
    public var edition: ReportEdition
    /// False for the organisers' edition.
    public var forPublication: Bool
    public var event: EventSummary
    public var runs: [RunReport]
    public var rounds: [RoundReport]
    public var replays: [ReplayReport]
    public var notes: [NoteReport]
    /// *(addition)* Stops and proposals (see ``VoiceReport``).
    public var voice: VoiceReport
}

/// The event at a glance.
public struct EventSummary: Sendable, Encodable, Equatable, NullEncoding {
    public var title: String
    /// The day of the first session entered (YYYY-MM-DD), if any.
    public var date: String?
    public var sessions: [SessionSummary]
    public var storiesRun: Int
    /// Phones that voted at least once.
    public var phones: Int
    /// Final votes (one per phone and round).
    public var votesCast: Int
    /// Perspectives the phones that voted gave, with how many phones (nil: fewer than 5, in
    /// the community edition).
    public var perspectives: [PerspectivePresent]
    /// *(addition)* The venues that took part, when the votes come from more than one, with
    /// how many people voted at each (see ``VenuePresent``); nil (left out) otherwise.
    public var venues: [VenuePresent]? = nil
}

/// A programme session entered.
public struct SessionSummary: Sendable, Encodable, Equatable, NullEncoding {
    public var id: String
    public var title: String
}

/// A perspective among the voters.
public struct PerspectivePresent: Sendable, Encodable, Equatable, NullEncoding {
    public var id: String
    public var label: String
    public var phones: Int?
}

/// One story run and the route the room took.
public struct RunReport: Sendable, Encodable, Equatable, NullEncoding {
    public var run: String
    public var story: String
    public var storyTitle: String
    public var session: String
    public var startedAt: String
    public var endedAt: String?
    /// Every scene shown, in order (undone moves left out).
    public var route: [RouteStep]
}

/// One scene of a run's route and how the room got there.
public struct RouteStep: Sendable, Encodable, Equatable, NullEncoding {
    public var scene: String?
    /// `start`, `next`, `follow`, `choose`, `goto`, `back` or `replay`.
    public var command: String
    /// After a decision: the round decided, the option followed, the room's winner then (nil:
    /// no votes or a tie) and whether the show followed it.
    public var round: String?
    public var option: String?
    public var roomChoice: String?
    public var followedRoom: Bool?
}

/// One vote round.
public struct RoundReport: Sendable, Encodable, Equatable, NullEncoding {
    public var round: String
    public var run: String
    public var story: String
    public var scene: String
    public var question: String
    public var replayOf: String?
    public var openedAt: String
    public var closedAt: String?
    public var revealedAt: String?
    /// Phones that voted in the round.
    public var voters: Int
    /// False when the counts are not shown (community edition, 1 to 4 voters).
    public var countsShown: Bool
    public var options: [OptionReport]
    /// The split by perspective as this edition shows it (empty when not shown).
    public var byPerspective: [GroupReport]
    /// Perspectives (and `no_perspective`) whose own counts are not shown.
    public var hiddenGroups: [String]
    /// The split by the event's perspective groups (event.yaml `perspective_groups`) as this
    /// edition shows it; empty when the event has none or the counts are not shown.
    public var byGroup: [GroupReport]
    /// Groups whose own counts are not shown.
    public var hiddenByGroup: [String]
    /// Phones that changed their vote during the round (nil: not shown, fewer than 5).
    public var changedVote: Int?
    /// The plain-language reading of the result.
    public var summary: String
    /// *(addition)* The split by place (`room`, `remote`, `no_place`, `everyone_else`) as this
    /// edition shows it, and the places whose own counts are not shown.
    public var byPlace: [GroupReport] = []
    public var hiddenPlaces: [String] = []
    /// *(addition)* `one_split_per_round` when the community edition shows this round by
    /// perspective and so not by place; nil otherwise.
    public var placeWithheld: String?
    /// *(addition)* The split by venue, when the votes come from more than one venue; nil
    /// (left out) otherwise.
    public var byVenue: VenueSplitReport? = nil
}

/// One option of a round.
public struct OptionReport: Sendable, Encodable, Equatable, NullEncoding {
    public var id: String
    public var label: String
    /// Final votes (nil when the round's counts are not shown).
    public var votes: Int?
    /// Percentage of the round's votes, and its 95% Wilson interval, 0 to 100.
    public var percent: Double?
    public var low: Double?
    public var high: Double?
    /// *(addition)* True for an audience option (an approved proposal put to the vote).
    public var fromAudience: Bool
}

/// One group of a split: a perspective, `no_perspective` or `everyone_else`.
public struct GroupReport: Sendable, Encodable, Equatable, NullEncoding {
    public var group: String
    public var label: String
    public var voters: Int
    /// Option id → final votes.
    public var votes: [String: Int]
}

/// A replayed scene: the round before and the round after, and the people who voted in both.
public struct ReplayReport: Sendable, Encodable, Equatable, NullEncoding {
    public var round: String
    public var replayOf: String
    /// People who voted in both rounds (nil: not shown).
    public var paired: Int?
    public var moved: Int?
    public var stayed: Int?
    /// From → to, for the people who voted in both (organisers' edition only).
    public var transitions: [Transition]
    /// The exact McNemar test on the option most chosen before, where it can mean something.
    public var mcnemar: McNemarReport?
    /// The plain-language reading.
    public var summary: String
}

/// How many people went from one option to another.
public struct Transition: Sendable, Encodable, Equatable, NullEncoding {
    public var from: String
    public var to: String
    public var people: Int
}

/// An exact McNemar test: `left` people left `option`, `joined` people came to it.
public struct McNemarReport: Sendable, Encodable, Equatable, NullEncoding {
    public var option: String
    public var left: Int
    public var joined: Int
    public var p: Double
}

/// A facilitator's note.
public struct NoteReport: Sendable, Encodable, Equatable, NullEncoding {
    public var run: String?
    public var scene: String?
    public var round: String?
    public var text: String
    public var notedAt: String
}
