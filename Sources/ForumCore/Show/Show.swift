import Foundation

/// The live show as a pure state machine: which story run and scene are on, the scene's
/// vote round, the counted votes and the devices that joined.
///
/// Inputs are host commands, votes and perspectives, always with the time they happened;
/// outputs are the ``ShowRecord``s to store. No clock, no IO: the server executes the
/// records and tells the show when a vote has been stored (``count(_:)``).
public struct Show: Sendable {
    /// The stories and programme the show replays.
    public let library: Library
    /// Where the show stands (also what is stored for a restart).
    public internal(set) var snapshot: ShowSnapshot
    /// The counted votes of the current round, if there is one.
    public internal(set) var ballots: Ballots?
    /// Device token → perspective id (nil: none given).
    public private(set) var devices: [String: String?] {
        didSet { deviceRevision &+= 1 }
    }
    /// *(addition)* Device token → where it said it takes part from (absent: not said).
    public internal(set) var places: [String: Place] = [:] {
        didSet { deviceRevision &+= 1 }
    }
    /// Changes whenever a device joins or its perspective or place changes: a count made
    /// from the devices holds while this stays the same.
    public private(set) var deviceRevision = 0
    /// The counted votes of the rounds that `undo` can bring back, by round id.
    public internal(set) var keptBallots: [String: Ballots] = [:]
    /// The room's stops and proposals (see Show+Interventions.swift).
    public internal(set) var voice = RoomVoice()
    /// *(addition)* A shared show: what the other venues last counted (see Show+Venues.swift).
    public internal(set) var elsewhere = CountsElsewhere()

    /// Groups of fewer voters than this are never shown by perspective to the room.
    public static let smallGroupThreshold = 5
    /// Accepted lengths of a timed vote, in seconds.
    public static let timedVoteSeconds = 5...3600

    /// A fresh show, or one resumed from what a store kept: the snapshot, the devices and the
    /// latest vote of each device in the current round (and, in `keptVotes`, in each round
    /// that `undo` can bring back, by round id). A snapshot naming a story or scene the
    /// library no longer has resumes with no story running.
    public init(
        library: Library, snapshot: ShowSnapshot = ShowSnapshot(), devices: [String: String?] = [:],
        roundVotes: [String: Ballots.Ballot] = [:], keptVotes: [String: [String: Ballots.Ballot]] = [:]
    ) {
        self.library = library
        self.devices = devices
        var snapshot = snapshot
        if let run = snapshot.run {
            let story = library.story(run.storyID)
            let sceneKnown = run.sceneID.map { story?.scene($0) != nil } ?? true
            if story == nil || !sceneKnown { snapshot.run = nil }
        }
        self.snapshot = snapshot
        if let round = snapshot.run?.round {
            var ballots = Ballots(roundID: round.roundID)
            for (device, ballot) in roundVotes { ballots.record(device: device, ballot) }
            self.ballots = ballots
        }
        resumeUndo(keptVotes: keptVotes)
    }

    // MARK: Views

    /// The story being run, if any.
    public var story: Story? { snapshot.run.flatMap { library.story($0.storyID) } }
    /// The scene on the screens, if any.
    public var scene: Scene? {
        guard let story, let id = snapshot.run?.sceneID else { return nil }
        return story.scene(id)
    }
    /// The current scene's vote round, if one was opened on this visit.
    public var round: RoundPosition? { snapshot.run?.round }
    /// Who sees the current scene's results before the reveal.
    public var resultsVisibility: ResultsVisibility { snapshot.run?.results ?? .hidden }
    /// Whether the room sees the current scene's results split by perspective.
    public var splitByPerspective: Bool { snapshot.run?.split ?? false }
    /// Whether phones see the current round's tally: after the reveal, or live when the host
    /// chose results for everyone.
    public var audienceSeesTally: Bool {
        guard let round else { return false }
        return round.status == .revealed || resultsVisibility == .everyone
    }
    /// The programme session the show is in, if any.
    public var session: ProgrammeSession? {
        snapshot.sessionID.flatMap { id in library.programme.session(id) ?? Self.unscheduled(id) }
    }
    /// The tally of the current round, if there is one.
    public var tally: Tally? {
        guard let local = localTally else { return nil }
        return elsewhere.isEmpty ? local : local.adding(elsewhere.sum(for: local.roundID))
    }
    /// The option this device's counted vote is for, in the current round.
    public func vote(of device: String) -> String? {
        ballots?.byDevice[device]?.optionID
    }
    /// The device's perspective, if it gave one.
    public func perspective(of device: String) -> String? {
        devices[device] ?? nil
    }
    /// True when this device token has joined before.
    public func knows(device: String) -> Bool {
        devices[device] != nil
    }
}

// MARK: - Host commands

extension Show {
    /// Carries out a host command. On success the show has changed (or, for a repeated
    /// `reveal`, stayed as it was) and the records to store are returned, the snapshot last.
    /// On error nothing has changed.
    public mutating func perform(_ command: HostCommand, at time: Date) throws(ShowError) -> [ShowRecord] {
        var copy = self
        let undoPoint = copy.undoPoint(before: command, at: time)
        var records = try copy.apply(command, at: time)
        copy.settleJoinScreen(after: command, from: snapshot)
        copy.settleVoice(after: command, from: self)
        if let move = copy.stageMove(after: command, from: self, at: time) { records.append(.moved(move)) }
        copy.remember(undoPoint)
        records.append(.snapshot(copy.snapshot))
        self = copy
        return records
    }

    /// Closes a timed round whose time is up. Returns the records to store (empty when
    /// nothing was due).
    public mutating func closeExpiredRound(at time: Date) -> [ShowRecord] {
        guard let round, round.status == .open, let deadline = round.closesAt, deadline <= time else { return [] }
        var records = setRoundStatus(.closed, at: time)
        records.append(.snapshot(snapshot))
        return records
    }

    private mutating func apply(_ command: HostCommand, at time: Date) throws(ShowError) -> [ShowRecord] {
        switch command {
        case .start(let storyID): return try start(storyID, at: time)
        case .session(let id): return try enterSession(id, at: time)
        case .next:
            let scene = try requireScene()
            if scene.decision != nil {
                throw ShowError("at_decision", "This scene ends with a vote: use follow or choose to go on.")
            }
            guard let next = scene.next else {
                throw ShowError("at_ending", "This is an ending of the story: use end to finish it.")
            }
            return move(to: next, at: time)
        case .back:
            guard let previous = try requireRun().trail.last else {
                throw ShowError("at_ending", "This is the first scene of this run: there is nothing to go back to.")
            }
            var records = closeOpenRound(at: time)
            snapshot.run?.trail.removeLast()
            records += show(previous, at: time)
            return records
        case .goto(let sceneID):
            let story = try requireStory()
            guard story.scene(sceneID) != nil else {
                throw ShowError(
                    "unknown_scene",
                    "There is no scene '\(sceneID)' in \(story.title)."
                        + Self.suggestion(for: sceneID, among: story.scenes.map(\.id)))
            }
            return move(to: sceneID, at: time)
        case .open(let seconds): return try openRound(seconds: seconds, at: time)
        case .close:
            guard round?.status == .open else { throw ShowError("round_not_open", "No vote is open.") }
            return setRoundStatus(.closed, at: time)
        case .reveal:
            guard let round else {
                throw ShowError("no_round", "There is no vote on this scene to reveal: open one first.")
            }
            var records: [ShowRecord] = []
            if round.status == .open { records += setRoundStatus(.closed, at: time) }
            if round.status != .revealed { records += setRoundStatus(.revealed, at: time) }
            return records
        case .follow:
            let decision = try requireDecision()
            guard let tally else {
                throw ShowError("no_round", "Nobody has voted on this scene yet: open a vote, or choose an option.")
            }
            let leaders = tally.leaders
            guard leaders.count == 1, let winner = roundOption(leaders[0]) else {
                let message =
                    tally.total == 0
                    ? "No votes have been counted yet: choose an option instead."
                    : "It's a tie between \(leaders.joined(separator: ", ")): choose one."
                throw ShowError("tie", message, options: leaders)
            }
            return take(winner, of: decision, at: time)
        case .choose(let optionID):
            let decision = try requireDecision()
            guard let option = roundOption(optionID) else {
                throw ShowError(
                    "unknown_option",
                    "This decision has no option '\(optionID)'."
                        + Self.suggestion(for: optionID, among: roundOptions.map(\.id)))
            }
            return take(option, of: decision, at: time)
        case .replay(let sceneID):
            let story = try requireStory()
            guard let target = sceneID ?? snapshot.run?.sceneID else {
                throw ShowError("at_ending", "The story is over: name a scene to replay.")
            }
            guard story.scene(target) != nil else {
                throw ShowError(
                    "unknown_scene",
                    "There is no scene '\(target)' in \(story.title)."
                        + Self.suggestion(for: target, among: story.scenes.map(\.id)))
            }
            // The scene on now, run again, is no step on the path (`back` skips it).
            let records =
                target == snapshot.run?.sceneID
                ? closeOpenRound(at: time) + show(target, at: time) : move(to: target, at: time)
            snapshot.run?.replaying = true
            return records
        case .end:
            _ = try requireRun()
            return endRun(at: time)
        case .results(let mode):
            _ = try requireDecision()
            snapshot.run?.results = mode
            return []
        case .split(let on, let dimension):
            _ = try requireDecision()
            if on { try fixSplit(dimension) }
            snapshot.run?.split = on
            return []
        case .finish: return finish(at: time)
        case .join(let on):
            snapshot.joinScreen = on
            return []
        case .undo: return try undo(at: time)
        case .note(let text): return try note(text, at: time)
        case .acknowledge, .stops, .proposals, .showProposals, .approve, .reject, .merge:
            return try applyVoice(command, at: time)
        case .adopt(let id):
            let option = try audienceOption(adopting: id)
            let carried = snapshot.run?.audienceOptions ?? []
            var records = round == nil ? [] : try apply(.replay(scene: nil), at: time)
            records += try adopt(option, proposal: id, carrying: carried, at: time)
            return records
        case .report: return []  // answered by the session from the database: the show does not change
        }
    }

    private mutating func start(_ storyID: String, at time: Date) throws(ShowError) -> [ShowRecord] {
        guard let story = library.story(storyID) else {
            throw ShowError(
                "unknown_story",
                "There is no story '\(storyID)'." + Self.suggestion(for: storyID, among: library.stories.map(\.id)))
        }
        var records = reopen(at: time)
        records += snapshot.run == nil ? [] : endRun(at: time)
        let current = session
        if current == nil || !(current?.stories.contains(storyID) ?? false) {
            let home = library.programme.sessions.first { $0.stories.contains(storyID) }
            // A story that no session lists is filed under no session ("Not in the programme"),
            // never under whichever session happens to be current.
            let target = home?.id ?? Self.unscheduledID
            if snapshot.sessionID != target { records += try enterSession(target, at: time) }
        }
        snapshot.runsStarted += 1
        let runID = "R\(snapshot.runsStarted)"
        snapshot.run = RunPosition(runID: runID, storyID: storyID, sceneID: story.start)
        ballots = nil
        records.append(
            .runStarted(
                RunStart(
                    runID: runID, sessionID: snapshot.sessionID ?? Self.unscheduledID, storyID: storyID,
                    storyTitle: story.title, at: time)))
        records.append(.sceneShown(SceneShown(runID: runID, sceneID: story.start, at: time)))
        return records
    }

    private mutating func enterSession(_ id: String, at time: Date) throws(ShowError) -> [ShowRecord] {
        guard let session = library.programme.session(id) ?? Self.unscheduled(id) else {
            throw ShowError(
                "unknown_session",
                "There is no session '\(id)'."
                    + Self.suggestion(for: id, among: library.programme.sessions.map(\.id)))
        }
        snapshot.sessionID = id
        return [.sessionEntered(SessionEntry(sessionID: id, title: session.title, at: time))]
    }

    private mutating func openRound(seconds: Int?, at time: Date) throws(ShowError) -> [ShowRecord] {
        let decision = try requireDecision()
        if let round {
            throw ShowError(
                "round_exists",
                round.status == .open
                    ? "The vote is already open."
                    : "This scene has been voted on already: use replay to vote again as a new round.")
        }
        if let seconds, !Self.timedVoteSeconds.contains(seconds) {
            throw ShowError(
                "bad_message",
                "A timed vote lasts \(Self.timedVoteSeconds.lowerBound) to \(Self.timedVoteSeconds.upperBound) seconds."
            )
        }
        guard var run = snapshot.run, let sceneID = run.sceneID else { throw Self.noStory }
        snapshot.roundsOpened += 1
        let roundID = "D\(snapshot.roundsOpened)"
        run.round = RoundPosition(
            roundID: roundID, sceneID: sceneID, status: .open,
            closesAt: seconds.map { time.addingTimeInterval(TimeInterval($0)) })
        snapshot.run = run
        ballots = Ballots(roundID: roundID)
        return [
            .roundOpened(
                RoundOpening(
                    roundID: roundID, runID: run.runID, sceneID: sceneID, question: decision.question,
                    options: roundOptions, replay: run.replaying, at: time))
        ]
    }

    private mutating func take(_ option: Option, of decision: Decision, at time: Date) -> [ShowRecord] {
        // The audience's own option has no branch: the room stays, the host says where next.
        if AudienceOption.isAudience(option.id) { return closeOpenRound(at: time) }
        guard let destination = decision.destination(of: option) else {
            let records = closeOpenRound(at: time)
            if var run = snapshot.run, let current = run.sceneID {
                run.trail.append(current)
                run.sceneID = nil
                run.round = nil
                snapshot.run = run
            }
            ballots = nil
            return records
        }
        return move(to: destination, at: time)
    }

    /// Goes to a scene of the current story: closes a round still open, remembers the scene
    /// left (for `back`), also when the story loops back to the same scene, so `back` walks
    /// the path really taken.
    private mutating func move(to sceneID: String, at time: Date) -> [ShowRecord] {
        var records = closeOpenRound(at: time)
        if var run = snapshot.run, let current = run.sceneID {
            run.trail.append(current)
            snapshot.run = run
        }
        records += show(sceneID, at: time)
        return records
    }

    private mutating func show(_ sceneID: String, at time: Date) -> [ShowRecord] {
        guard var run = snapshot.run else { return [] }
        run.sceneID = sceneID
        run.round = nil
        run.results = .hidden
        run.split = false
        run.splitBy = nil
        run.replaying = false
        run.audienceOptions = []
        snapshot.run = run
        ballots = nil
        return [.sceneShown(SceneShown(runID: run.runID, sceneID: sceneID, at: time))]
    }

    mutating func closeOpenRound(at time: Date) -> [ShowRecord] {
        round?.status == .open ? setRoundStatus(.closed, at: time) : []
    }

    private mutating func setRoundStatus(_ status: RoundStatus, at time: Date) -> [ShowRecord] {
        guard var run = snapshot.run, var round = run.round else { return [] }
        round.status = status
        round.closesAt = nil
        run.round = round
        snapshot.run = run
        return [.roundStatus(RoundStatusChange(roundID: round.roundID, status: status, at: time))]
    }

    mutating func endRun(at time: Date) -> [ShowRecord] {
        guard let run = snapshot.run else { return [] }
        var records = closeOpenRound(at: time)
        records.append(.runEnded(RunEnd(runID: run.runID, at: time)))
        snapshot.run = nil
        ballots = nil
        return records
    }

    // MARK: Preconditions

    private static let noStory = ShowError("no_story", "No story is running: start one first.")

    private func requireRun() throws(ShowError) -> RunPosition {
        guard let run = snapshot.run else { throw Self.noStory }
        return run
    }

    private func requireStory() throws(ShowError) -> Story {
        guard let story else { throw Self.noStory }
        return story
    }

    private func requireScene() throws(ShowError) -> Scene {
        _ = try requireStory()
        guard let scene else {
            throw ShowError("at_ending", "The story is over: use end to finish it, or replay a scene.")
        }
        return scene
    }

    private func requireDecision() throws(ShowError) -> Decision {
        guard let decision = try requireScene().decision else {
            throw ShowError("no_decision", "This scene has no decision to vote on.")
        }
        return decision
    }

    /// The session used for a story that no programme session lists.
    static let unscheduledID = "unscheduled"

    private static func unscheduled(_ id: String) -> ProgrammeSession? {
        id == unscheduledID ? ProgrammeSession(id: unscheduledID, title: "Not in the programme", stories: []) : nil
    }

    /// " Did you mean 'x'?" when a close id exists, else a list of what exists.
    static func suggestion(for id: String, among ids: [String]) -> String {
        if let closest = ClosestMatch.best(for: id, among: ids) { return " Did you mean '\(closest)'?" }
        return ids.isEmpty ? "" : " Known: \(ids.joined(separator: ", "))."
    }
}

// MARK: - Audience

extension Show {
    /// Lets a device in: a known token keeps its perspective and votes; an unknown or missing
    /// one is replaced by `freshToken`. Returns the token to use and the records to store.
    public mutating func join(device: String?, freshToken: String, at time: Date) -> (
        token: String, records: [ShowRecord]
    ) {
        if let device, knows(device: device) { return (device, []) }
        return (freshToken, enlist(device: freshToken, at: time))
    }

    /// Makes `device` one of the show's devices if it is not one yet (the live session does
    /// so at a device's first vote or perspective). Returns the record to store, if any.
    public mutating func enlist(device: String, at time: Date) -> [ShowRecord] {
        guard !knows(device: device) else { return [] }
        devices[device] = .some(nil)
        var records: [ShowRecord] = [.deviceJoined(DeviceJoin(device: device, at: time))]
        if let held = places[device] {  // said in its hello before it did anything
            records.append(.devicePlace(DevicePlace(device: device, place: held, at: time)))
        }
        return records
    }

    /// Checks a vote without counting it: the returned record is to be stored, then counted
    /// with ``count(_:)`` once the store has committed it.
    public func checkVote(device: String, round roundID: String, option optionID: String, at time: Date)
        throws(ShowError) -> VoteRecord
    {
        guard let round, round.roundID == roundID else {
            if roundID.first == "D", let number = Int(roundID.dropFirst()), number >= 1, number <= snapshot.roundsOpened
            {
                throw ShowError("decision_closed", "That vote has closed.")
            }
            throw ShowError("unknown_decision", "There is no vote '\(roundID)'.")
        }
        guard round.status == .open else { throw ShowError("decision_closed", "That vote has closed.") }
        guard scene?.decision != nil, roundOption(optionID) != nil else {
            throw ShowError("unknown_option", "That is not one of the options of this vote.")
        }
        return VoteRecord(
            roundID: roundID, device: device, optionID: optionID, perspective: perspective(of: device),
            place: places[device], at: time)
    }

    /// Counts a stored vote. A vote for a round that is no longer current stays stored but
    /// is not counted here (the round it belongs to has been left), except in the votes kept
    /// for `undo` when that round can come back.
    public mutating func count(_ vote: VoteRecord) {
        let ballot = Ballots.Ballot(optionID: vote.optionID, perspective: vote.perspective, place: vote.place)
        keptBallots[vote.roundID]?.record(device: vote.device, ballot)
        guard ballots?.roundID == vote.roundID else { return }
        ballots?.record(device: vote.device, ballot)
    }

    /// Sets or clears a device's perspective. A device that already voted in the open round
    /// gets its vote re-recorded under the new perspective (returned among the records;
    /// count it once stored).
    public mutating func setPerspective(device: String, to perspectiveID: String?, at time: Date)
        throws(ShowError) -> [ShowRecord]
    {
        if let perspectiveID, library.programme.perspective(perspectiveID) == nil {
            throw ShowError("unknown_perspective", "There is no perspective '\(perspectiveID)' at this event.")
        }
        devices[device] = .some(perspectiveID)
        var records: [ShowRecord] = [
            .devicePerspective(DevicePerspective(device: device, perspective: perspectiveID, at: time))
        ]
        if let round, round.status == .open, let ballot = ballots?.byDevice[device] {
            records.append(
                .vote(
                    VoteRecord(
                        roundID: round.roundID, device: device, optionID: ballot.optionID,
                        perspective: perspectiveID, place: ballot.place, reason: .perspective, at: time)))
        }
        return records
    }
}
