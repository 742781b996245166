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
    ) -> JSONValue {
        let story = show.story
        let scene = show.scene
        let decision = scene?.decision
        let round = show.round
        var members: [(String, JSONValue)] = [("type", "state")]
        members.append(
            ("session", show.session.map { sessionJSON($0) } ?? .null))
        members.append(
            (
                "story",
                story.map { story in
                    .object([
                        ("id", .string(story.id)), ("title", .string(story.title)),
                        ("language", .string(story.language)),
                        ("content_notes", .array(story.contentNotes.map { .string($0) })),
                        ("run", .string(show.snapshot.run?.runID)),
                    ])
                } ?? .null
            ))
        members.append(
            (
                "scene",
                scene.map { scene in
                    .object([
                        ("id", .string(scene.id)), ("title", .string(scene.title)), ("text", .string(scene.text)),
                        ("image", .string(scene.image)), ("image_alt", .string(scene.imageAlt)),
                    ])
                } ?? .null
            ))
        members.append(
            (
                "decision",
                decision.map { decision in
                    var fields: [(String, JSONValue)] = [
                        ("id", .string(round?.roundID)), ("question", .string(decision.question)),
                        (
                            "options",
                            .array(show.roundOptions.map { optionJSON($0) })
                        ),
                        ("status", .string(round?.status.rawValue ?? "pending")),
                        ("results", .string(show.resultsVisibility.rawValue)),
                        ("split", .bool(show.splitByPerspective)),
                        ("split_by", .string(show.splitDimension.rawValue)),
                    ]
                    if let closesAt = round?.closesAt {
                        fields.append(("closes_at", .string(ISOTime.string(closesAt))))
                        if let now {
                            let left = max(0, closesAt.timeIntervalSince(now))
                            fields.append(("closes_in_ms", .int(Int((left * 1000).rounded()))))
                        }
                    }
                    if role == .audience { fields.append(("my_vote", .string(device.flatMap { show.vote(of: $0) }))) }
                    if role != .host, show.tooFewVotersToShow { fields.append(("results_withheld", "too_few_voters")) }
                    return .object(fields)
                } ?? .null
            ))
        let showsTally = role == .host || ((role != .audience || show.audienceSeesTally) && !show.tooFewVotersToShow)
        members.append(
            (
                "tally",
                showsTally ? (show.tally.map { tallyJSON($0, for: role, by: show.splitDimension) } ?? .null) : .null
            ))
        if role == .host {
            members.append(("host_notes", .string(scene?.hostNotes)))
            members.append(("host", hostDetails(of: show)))
        }
        members += closingMembers(of: show, for: role)
        if show.snapshot.run != nil { members.append(("room", voiceJSON(of: show, for: role))) }
        if role != .audience, let audience { members.append(("audience", audience.json)) }
        if role == .host, let store { members.append(("store", store.json)) }
        return .object(members)
    }

    /// The rate-limited `tally` message: for the screen and the host always, for phones only
    /// while they see results live (``Show/audienceSeesTally``). Phones get no audience
    /// count; the host also gets the store's health.
    public static func tallyMessage(
        of show: Show, for role: ClientMessage.Role, audience: AudienceCount, store: StoreHealth? = nil
    ) -> JSONValue? {
        guard role != .audience || show.audienceSeesTally else { return nil }
        guard role == .host || !show.tooFewVotersToShow else { return nil }
        guard let tally = show.tally, case .object(let fields) = tallyJSON(tally, for: role, by: show.splitDimension)
        else { return nil }
        var members: [(String, JSONValue)] = [("type", "tally")] + fields
        if role != .audience { members.append(("audience", audience.json)) }
        if role == .host, let store { members.append(("store", store.json)) }
        return .object(members)
    }

    /// A tally as the protocol writes it. The host gets every group's exact counts; every
    /// other role gets only what ``ShownSplit`` lets the room see: `by_perspective` and
    /// `no_perspective` (else `null`) for shown groups, `others` for everyone else counted
    /// together, `small_groups` and `folded_groups` for the groups kept back, and
    /// `split_withheld` when no group can be shown. Split `by` place *(addition)*, the room
    /// gets `place_split` instead and nothing by perspective; the host gets both exactly.
    public static func tallyJSON(
        _ tally: Tally, for role: ClientMessage.Role, by dimension: SplitDimension = .perspective
    ) -> JSONValue {
        func counts(_ values: [String: Int]) -> JSONValue {
            .object(tally.optionOrder.map { ($0, .int(values[$0, default: 0])) })
        }
        let overall: [(String, JSONValue)] = [
            ("decision", .string(tally.roundID)), ("total", .int(tally.total)), ("counts", counts(tally.counts)),
        ]
        guard role != .host else {
            return .object(
                overall + [
                    (
                        "by_perspective",
                        .object(tally.byPerspective.keys.sorted().map { ($0, counts(tally.byPerspective[$0]!)) })
                    ),
                    ("no_perspective", counts(tally.noPerspective)), ("small_groups", .array([])),
                ] + hostPlaceMembers(tally))
        }
        if dimension == .place { return .object(overall + roomPlaceMembers(tally)) }
        let split = ShownSplit(of: tally, threshold: Show.smallGroupThreshold)
        func ids(_ groups: [VoterGroup]) -> JSONValue { .array(groups.compactMap(\.perspectiveID).map { .string($0) }) }
        let perspectives = split.shown.keys.compactMap(\.perspectiveID).sorted()
        return .object(
            overall + [
                ("by_perspective", .object(perspectives.map { ($0, counts(split.shown[.perspective($0)]!)) })),
                ("no_perspective", split.hides(.noPerspective) ? .null : counts(tally.noPerspective)),
                ("small_groups", ids(split.small)), ("folded_groups", ids(split.folded)),
                (
                    "others",
                    split.others.map { .object([("voters", .int($0.voters)), ("counts", counts($0.counts))]) } ?? .null
                ),
                ("split_withheld", .string(split.withheld?.rawValue)),
            ])
    }

    private static func hostDetails(of show: Show) -> JSONValue {
        guard let story = show.story, let run = show.snapshot.run else { return .null }
        let scene = show.scene
        let index = scene.flatMap { scene in story.scenes.firstIndex { $0.id == scene.id } }
        var optionsNext: [(String, JSONValue)] = []
        if let decision = scene?.decision {
            optionsNext = decision.options.map { ($0.id, .string(decision.destination(of: $0))) }
        }
        return .object([
            ("trail", .array(run.trail.map { .string($0) })),
            ("next", .string(scene?.next)),
            ("is_ending", .bool(scene?.isEnding ?? true)),
            ("options_next", .object(optionsNext)),
            ("scene_index", index.map { .int($0 + 1) } ?? .null),
            ("scene_count", .int(story.scenes.count)),
            ("winner", .array((show.tally?.total ?? 0) > 0 ? (show.tally?.leaders ?? []).map { .string($0) } : [])),
            ("undo", undoJSON(of: show)),
        ])
    }

    /// What `undo` would bring back: the command it takes back, the scene and its round.
    private static func undoJSON(of show: Show) -> JSONValue {
        guard let step = show.nextUndo else { return .null }
        return .object([
            ("command", .string(step.command)), ("scene", .string(step.run.sceneID)),
            ("round", .string(step.run.round?.roundID)), ("status", .string(step.run.round?.status.rawValue)),
        ])
    }
}
