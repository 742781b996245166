import Foundation

/// Phones connected and devices whose vote counts, for the screen and the host; for the host
/// only, also the phones connected by perspective (exact, small groups included).
public struct AudienceCount: Sendable, Equatable {
    public var connected: Int
    public var voted: Int
    /// Host only: perspective id → phones connected with it (every perspective of the
    /// programme, 0 included); nil for the screen.
    public var byPerspective: [String: Int]?
    /// Host only: phones connected that gave no perspective.
    public var noPerspective: Int?
    /// Host only *(addition)*: phones connected by place ("room", "remote"), and not said.
    public var byPlace: [String: Int]?
    public var noPlace: Int?
    public init(connected: Int, voted: Int, byPerspective: [String: Int]? = nil, noPerspective: Int? = nil) {
        self.connected = connected
        self.voted = voted
        self.byPerspective = byPerspective
        self.noPerspective = noPerspective
    }

    /// The count for the host: `devices` are the tokens of the audience connections (a
    /// token twice for two tabs of one phone, as `connected` counts them).
    public static func forHost(connected: Int, voted: Int, devices: [String], in show: Show) -> AudienceCount {
        var counts = Dictionary(uniqueKeysWithValues: show.library.programme.perspectives.map { ($0.id, 0) })
        var none = 0
        for device in devices {
            if let perspective = show.perspective(of: device) {
                counts[perspective, default: 0] += 1
            } else {
                none += 1
            }
        }
        var count = AudienceCount(connected: connected, voted: voted, byPerspective: counts, noPerspective: none)
        (count.byPlace, count.noPlace) = placeCounts(devices: devices, in: show)
        return count
    }

    var json: JSONValue {
        var members: [(String, JSONValue)] = [("connected", .int(connected)), ("voted", .int(voted))]
        if let byPerspective {
            members.append(
                ("by_perspective", .object(byPerspective.keys.sorted().map { ($0, .int(byPerspective[$0]!)) })))
        }
        if let noPerspective { members.append(("no_perspective", .int(noPerspective))) }
        if let byPlace { members.append(("by_place", .object(byPlace.keys.sorted().map { ($0, .int(byPlace[$0]!)) }))) }
        if let noPlace { members.append(("no_place", .int(noPlace))) }
        return .object(members)
    }
}

/// How the database is keeping up, for the host: records waiting to be committed and writes
/// that failed since the server started.
public struct StoreHealth: Sendable, Equatable {
    public var pending: Int
    public var failed: Int
    public init(pending: Int, failed: Int) {
        self.pending = pending
        self.failed = failed
    }

    var json: JSONValue { .object([("pending", .int(pending)), ("failed", .int(failed))]) }
}

/// Builds the `state` and `tally` messages each role sees. Pure: a function of the show.
public enum StateView {
    /// The whole current state for one role. `device` is the audience member's token, for
    /// `my_vote`; `audience` is added for the screen and the host, `store` for the host. With
    /// `now`, a timed round also says how many milliseconds it has left (`closes_in_ms`), so a
    /// phone whose clock is wrong still counts down right.
    public static func state(
        of show: Show, for role: ClientMessage.Role, device: String? = nil, audience: AudienceCount? = nil,
        store: StoreHealth? = nil, now: Date? = nil
    ) -> StateMessage {
        let scene = show.scene
        let round = show.round
        let decision = scene?.decision.map { decision in
            StateMessage.DecisionRef(
                roundID: round?.roundID, question: decision.question,
                options: show.roundOptions.map(optionRef),
                status: round.map { StateMessage.DecisionStatus($0.status) } ?? .pending,
                results: show.resultsVisibility, split: show.splitByPerspective, splitBy: show.splitDimension,
                closesAt: round?.closesAt,
                closesInMs: round?.closesAt.flatMap { closesAt in
                    now.map { Int((max(0, closesAt.timeIntervalSince($0)) * 1000).rounded()) }
                },
                myVote: role == .audience ? .some(device.flatMap { show.vote(of: $0) }) : nil,
                resultsWithheld: role != .host && show.tooFewVotersToShow)
        }
        let showsTally = role == .host || ((role != .audience || show.audienceSeesTally) && !show.tooFewVotersToShow)
        return StateMessage(
            session: show.session.map(sessionRef),
            story: show.story.map { story in
                StateMessage.StoryRef(
                    id: story.id, title: story.title, language: story.language, contentNotes: story.contentNotes,
                    run: show.snapshot.run?.runID)
            },
            scene: scene.map {
                StateMessage.SceneRef(id: $0.id, title: $0.title, text: $0.text, image: $0.image, imageAlt: $0.imageAlt)
            },
            decision: decision,
            tally: showsTally ? show.tally.map { tallyCounts($0, for: role, by: roomSplit(of: show)) } : nil,
            host: role == .host ? StateMessage.HostPart(notes: scene?.hostNotes, details: hostDetails(of: show)) : nil,
            finished: show.isFinished, nextSession: show.nextSession.map(sessionRef),
            joinScreen: role != .audience ? show.showsJoinScreen : nil,
            audience: role != .audience ? audience : nil, store: role == .host ? store : nil,
            room: show.snapshot.run != nil ? room(of: show, for: role) : nil)
    }

    /// The rate-limited `tally` message: for the screen and the host always, for phones only
    /// while they see results live (``Show/audienceSeesTally``). Phones get no audience
    /// count; the host also gets the store's health.
    public static func tallyMessage(
        of show: Show, for role: ClientMessage.Role, audience: AudienceCount, store: StoreHealth? = nil
    ) -> TallyMessage? {
        guard role != .audience || show.audienceSeesTally else { return nil }
        guard role == .host || !show.tooFewVotersToShow else { return nil }
        guard let tally = show.tally else { return nil }
        return TallyMessage(
            tally: tallyCounts(tally, for: role, by: roomSplit(of: show)), audience: role != .audience ? audience : nil,
            store: role == .host ? store : nil)
    }

    /// The split the room is sent: none until the host turns the split on, then only the
    /// round's one dimension, so that no phone or screen ever holds two splits of the same
    /// votes (docs/privacy.md, "Two splits of the same votes").
    static func roomSplit(of show: Show) -> SplitDimension? {
        show.splitByPerspective ? show.splitDimension : nil
    }

    /// A tally as the protocol writes it. The host gets every group's exact counts; every
    /// other role gets only what ``ShownSplit`` lets the room see: `by_perspective` and
    /// `no_perspective` (else `null`) for shown groups, `others` for everyone else counted
    /// together, `small_groups` and `folded_groups` for the groups kept back, and
    /// `split_withheld` when no group can be shown. Split `by` place *(addition)*, the room
    /// gets `place_split` instead and nothing by perspective; the host gets both exactly.
    /// `by` nil (the split is off): the room gets the overall counts only, no group at all.
    public static func tallyCounts(
        _ tally: Tally, for role: ClientMessage.Role, by dimension: SplitDimension? = .perspective
    ) -> TallyCounts {
        func counts(_ values: [String: Int]) -> OptionCounts { OptionCounts(order: tally.optionOrder, values: values) }
        guard role != .host else {
            return TallyCounts(
                roundID: tally.roundID, total: tally.total, counts: counts(tally.counts),
                byPerspective: tally.byPerspective.keys.sorted().map {
                    TallyCounts.Group(perspective: $0, counts: counts(tally.byPerspective[$0]!))
                },
                noPerspective: counts(tally.noPerspective), smallGroups: [], room: nil, places: hostPlaces(tally))
        }
        guard let dimension else {
            return TallyCounts(
                roundID: tally.roundID, total: tally.total, counts: counts(tally.counts), byPerspective: [],
                noPerspective: nil, smallGroups: [],
                room: TallyCounts.RoomSplit(foldedGroups: [], others: nil, splitWithheld: nil))
        }
        if dimension == .place { return roomPlaceTally(tally) }
        let split = ShownSplit(of: tally, threshold: Show.smallGroupThreshold)
        func ids(_ groups: [VoterGroup]) -> [String] { groups.compactMap(\.perspectiveID) }
        return TallyCounts(
            roundID: tally.roundID, total: tally.total, counts: counts(tally.counts),
            byPerspective: split.shown.keys.compactMap(\.perspectiveID).sorted().map {
                TallyCounts.Group(perspective: $0, counts: counts(split.shown[.perspective($0)]!))
            },
            noPerspective: split.hides(.noPerspective) ? nil : counts(tally.noPerspective),
            smallGroups: ids(split.small),
            room: TallyCounts.RoomSplit(
                foldedGroups: ids(split.folded), others: split.others.map { ($0.voters, counts($0.counts)) },
                splitWithheld: split.withheld))
    }

    private static func sessionRef(_ session: ProgrammeSession) -> StateMessage.SessionRef {
        StateMessage.SessionRef(id: session.id, title: session.title, starts: session.starts)
    }

    private static func hostDetails(of show: Show) -> StateMessage.HostDetails? {
        guard let story = show.story, let run = show.snapshot.run else { return nil }
        let scene = show.scene
        let index = scene.flatMap { scene in story.scenes.firstIndex { $0.id == scene.id } }
        let undo = show.nextUndo.map { step in
            StateMessage.UndoRef(
                command: step.command, scene: step.run.sceneID, round: step.run.round?.roundID,
                status: step.run.round?.status)
        }
        return StateMessage.HostDetails(
            trail: run.trail, next: scene?.next, isEnding: scene?.isEnding ?? true,
            optionsNext: scene?.decision.map { decision in
                decision.options.map { (option: $0.id, scene: decision.destination(of: $0)) }
            } ?? [],
            sceneIndex: index.map { $0 + 1 }, sceneCount: story.scenes.count,
            winner: (show.tally?.total ?? 0) > 0 ? show.tally?.leaders ?? [] : [], undo: undo)
    }
}
