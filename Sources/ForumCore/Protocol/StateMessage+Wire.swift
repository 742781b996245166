import Foundation

/// The wire form of ``StateMessage``, in protocol order.
extension StateMessage {
    public var json: JSONValue {
        var members: [(String, JSONValue)] = [("type", .string(Self.type.rawValue))]
        members.append(("session", session.map(\.json) ?? .null))
        members.append(
            (
                "story",
                story.map { story in
                    .object([
                        ("id", .string(story.id)), ("title", .string(story.title)),
                        ("language", .string(story.language)),
                        ("content_notes", .array(story.contentNotes.map { .string($0) })), ("run", .string(story.run)),
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
        members.append(("decision", decision.map(\.json) ?? .null))
        members.append(("tally", tally?.json ?? .null))
        if let host {
            members.append(("host_notes", .string(host.notes)))
            members.append(("host", host.details?.json ?? .null))
        }
        members.append(("finished", .bool(finished)))
        members.append(("next_session", nextSession.map(\.json) ?? .null))
        if let joinScreen { members.append(("join_screen", .bool(joinScreen))) }
        if let room { members.append(("room", room.json)) }
        if let audience { members.append(("audience", audience.json)) }
        if let store { members.append(("store", store.json)) }
        if let venues { members.append(("venues", .array(venues.map(\.json)))) }
        return .object(members)
    }

    public init?(json: JSONValue) {
        guard Self.isOwnType(json) else { return nil }
        session = SessionRef(json: json["session"])
        story = json["story"].flatMap { story in
            story["id"]?.stringValue.map {
                StoryRef(
                    id: $0, title: story["title"]?.stringValue ?? $0, language: story["language"]?.stringValue ?? "",
                    contentNotes: story["content_notes"]?.strings ?? [], run: story["run"]?.stringValue)
            }
        }
        scene = json["scene"].flatMap { scene in
            scene["id"]?.stringValue.map {
                SceneRef(
                    id: $0, title: scene["title"]?.stringValue, text: scene["text"]?.stringValue ?? "",
                    image: scene["image"]?.stringValue, imageAlt: scene["image_alt"]?.stringValue)
            }
        }
        decision = DecisionRef(json: json["decision"])
        tally = TallyCounts(json: json["tally"])
        if json["host_notes"] != nil || json["host"] != nil {
            host = HostPart(notes: json["host_notes"]?.stringValue, details: HostDetails(json: json["host"]))
        } else {
            host = nil
        }
        finished = json["finished"]?.boolValue ?? false
        nextSession = SessionRef(json: json["next_session"])
        joinScreen = json["join_screen"]?.boolValue
        audience = AudienceCount(json: json["audience"])
        store = StoreHealth(json: json["store"])
        room = Room(json: json["room"])
        venues = json["venues"]?.arrayValue.map { $0.compactMap(VenueStatus.init(json:)) }
    }
}

extension StateMessage.SessionRef {
    var json: JSONValue { .object([("id", .string(id)), ("title", .string(title)), ("starts", .string(starts))]) }

    init?(json: JSONValue?) {
        guard let json, let id = json["id"]?.stringValue else { return nil }
        self.init(id: id, title: json["title"]?.stringValue ?? id, starts: json["starts"]?.stringValue)
    }
}

extension StateMessage.DecisionRef {
    var json: JSONValue {
        var fields: [(String, JSONValue)] = [
            ("id", .string(roundID)), ("question", .string(question)),
            ("options", .array(options.map(\.json))),
            ("status", .string(status.rawValue)), ("results", .string(results.rawValue)), ("split", .bool(split)),
            ("split_by", .string(splitBy.rawValue)),
        ]
        if let closesAt {
            fields.append(("closes_at", .string(ISOTime.string(closesAt))))
            if let closesInMs { fields.append(("closes_in_ms", .int(closesInMs))) }
        }
        if let myVote { fields.append(("my_vote", .string(myVote))) }
        if resultsWithheld { fields.append(("results_withheld", .string("too_few_voters"))) }
        return .object(fields)
    }

    init?(json: JSONValue?) {
        guard let json, json.members != nil else { return nil }
        self.init(
            roundID: json["id"]?.stringValue, question: json["question"]?.stringValue ?? "",
            options: (json["options"]?.arrayValue ?? []).map { option in
                let id = option["id"]?.stringValue ?? ""
                return StateMessage.OptionRef(
                    id: id, label: option["label"]?.stringValue ?? id,
                    fromAudience: option["from"]?.stringValue == "audience")
            },
            status: json["status"]?.stringValue.flatMap(StateMessage.DecisionStatus.init(rawValue:)) ?? .pending,
            results: json["results"]?.stringValue.flatMap(ResultsVisibility.init(rawValue:)) ?? .hidden,
            split: json["split"]?.boolValue ?? false,
            splitBy: json["split_by"]?.stringValue.flatMap(SplitDimension.init(rawValue:)) ?? .perspective,
            closesAt: json["closes_at"]?.stringValue.flatMap(ISOTime.date),
            closesInMs: json["closes_in_ms"]?.intValue,
            myVote: json["my_vote"].map { $0.stringValue },
            resultsWithheld: json["results_withheld"]?.stringValue != nil)
    }
}

extension StateMessage.OptionRef {
    var json: JSONValue {
        var fields: [(String, JSONValue)] = [("id", .string(id)), ("label", .string(label))]
        if fromAudience { fields.append(("from", .string("audience"))) }
        return .object(fields)
    }
}

extension StateMessage.HostDetails {
    var json: JSONValue {
        .object([
            ("trail", .array(trail.map { .string($0) })),
            ("next", .string(next)),
            ("is_ending", .bool(isEnding)),
            ("options_next", .object(optionsNext.map { ($0.option, .string($0.scene)) })),
            ("scene_index", sceneIndex.map { .int($0) } ?? .null),
            ("scene_count", .int(sceneCount)),
            ("winner", .array(winner.map { .string($0) })),
            (
                "undo",
                undo.map { undo in
                    .object([
                        ("command", .string(undo.command)), ("scene", .string(undo.scene)),
                        ("round", .string(undo.round)), ("status", .string(undo.status?.rawValue)),
                    ])
                } ?? .null
            ),
        ])
    }

    init?(json: JSONValue?) {
        guard let json, json.members != nil else { return nil }
        self.init(
            trail: json["trail"]?.strings ?? [], next: json["next"]?.stringValue,
            isEnding: json["is_ending"]?.boolValue ?? false,
            optionsNext: (json["options_next"]?.members ?? []).map { (option: $0.0, scene: $0.1.stringValue) },
            sceneIndex: json["scene_index"]?.intValue, sceneCount: json["scene_count"]?.intValue ?? 0,
            winner: json["winner"]?.strings ?? [],
            undo: json["undo"].flatMap { undo in
                undo["command"]?.stringValue.map {
                    StateMessage.UndoRef(
                        command: $0, scene: undo["scene"]?.stringValue, round: undo["round"]?.stringValue,
                        status: undo["status"]?.stringValue.flatMap(RoundStatus.init(rawValue:)))
                }
            })
    }
}
