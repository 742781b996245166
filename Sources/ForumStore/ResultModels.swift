import ForumCore
import Foundation

/// Where a vote round took place: enough to label a row of an export or a report.
public struct RoundContext: Sendable, Equatable {
    /// The programme session's id.
    public var sessionID: String
    /// The session's title when it was last entered.
    public var sessionTitle: String
    /// The story's id (its file name).
    public var storyID: String
    /// The story's title as it was when the run started.
    public var storyTitle: String
    /// The story run, such as `R3`.
    public var runID: String
    /// The round, such as `D17`.
    public var roundID: String
    /// The scene voted on.
    public var sceneID: String
    /// The question as it was asked.
    public var question: String

    /// A round's context.
    public init(
        sessionID: String, sessionTitle: String, storyID: String, storyTitle: String, runID: String,
        roundID: String, sceneID: String, question: String
    ) {
        self.sessionID = sessionID
        self.sessionTitle = sessionTitle
        self.storyID = storyID
        self.storyTitle = storyTitle
        self.runID = runID
        self.roundID = roundID
        self.sceneID = sceneID
        self.question = question
    }
}

/// The vote that counts for one device in one round (its latest row), with its history
/// summarised.
public struct FinalVote: Sendable, Equatable {
    /// The round voted in.
    public var round: RoundContext
    /// The device's opaque token. Exports leave it out.
    public var device: String
    /// The option of the latest row.
    public var optionID: String
    /// That option's label as it was asked.
    public var optionLabel: String
    /// The perspective of the latest row (it follows later changes of perspective).
    public var perspective: String?
    /// When the device last cast a vote in this round; a later change of perspective does
    /// not move it.
    public var votedAt: Date
    /// How many times the device changed its vote in this round (its `vote` rows minus one).
    public var timesChanged: Int
    /// *(addition)* The place of the latest row (it follows later changes of place), nil if
    /// the device did not say.
    public var place: Place?
    /// *(addition)* The venue of the latest row in a show held in several venues (see
    /// ``ForumCore/RemoteVote``), nil on a single-machine show.
    public var venue: String?

    /// A final vote.
    public init(
        round: RoundContext, device: String, optionID: String, optionLabel: String, perspective: String?,
        votedAt: Date, timesChanged: Int, place: Place? = nil, venue: String? = nil
    ) {
        self.place = place
        self.venue = venue
        self.round = round
        self.device = device
        self.optionID = optionID
        self.optionLabel = optionLabel
        self.perspective = perspective
        self.votedAt = votedAt
        self.timesChanged = timesChanged
    }
}

/// How many final votes one option of one round got, overall and by perspective. Every
/// option asked has one, even with no votes.
public struct OptionTally: Sendable, Equatable {
    /// The round.
    public var round: RoundContext
    /// The option's place in the question, 0 first.
    public var position: Int
    /// The option's id.
    public var optionID: String
    /// The option's label as it was asked.
    public var optionLabel: String
    /// Final votes for this option.
    public var count: Int
    /// Final votes for this option by perspective id; perspectives with no votes are absent.
    public var byPerspective: [String: Int]
    /// Final votes for this option from devices with no perspective.
    public var noPerspective: Int
    /// *(addition)* Final votes for this option by place; places with no votes are absent.
    public var byPlace: [Place: Int] = [:]
    /// *(addition)* Final votes for this option from devices that did not say their place.
    public var noPlace: Int = 0
    /// *(addition)* Final votes for this option by venue (a show held in several venues);
    /// venues with no votes are absent.
    public var byVenue: [String: Int] = [:]
    /// *(addition)* Final votes for this option cast at no named venue (a single-machine show).
    public var noVenue: Int = 0

    /// An option's tally.
    public init(
        round: RoundContext, position: Int, optionID: String, optionLabel: String, count: Int,
        byPerspective: [String: Int], noPerspective: Int
    ) {
        self.round = round
        self.position = position
        self.optionID = optionID
        self.optionLabel = optionLabel
        self.count = count
        self.byPerspective = byPerspective
        self.noPerspective = noPerspective
    }
}

/// Everything an export needs, read in one transaction so the parts agree with each other.
public struct ShowResults: Sendable, Equatable {
    /// Final votes, by run, then round, then the order of each device's latest row.
    public var finalVotes: [FinalVote]
    /// Option tallies, by run, then round, then option position.
    public var tallies: [OptionTally]

    /// Results made of final votes and tallies.
    public init(finalVotes: [FinalVote], tallies: [OptionTally]) {
        self.finalVotes = finalVotes
        self.tallies = tallies
    }
}
