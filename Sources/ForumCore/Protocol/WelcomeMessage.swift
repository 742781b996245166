/// `welcome`, the answer to `hello`: the event's words for every role, the phone's device
/// and perspective, and for the host the library's stories and sessions (docs/protocol.md).
public struct WelcomeMessage: ServerMessageBody {
    public static let type = ServerMessageType.welcome

    /// A story of the library, as the host's welcome lists it.
    public struct StoryEntry: Sendable, Equatable {
        public var id: String
        public var title: String
        public var summary: String?
        public var sceneCount: Int

        public init(id: String, title: String, summary: String?, sceneCount: Int) {
            self.id = id
            self.title = title
            self.summary = summary
            self.sceneCount = sceneCount
        }
    }

    /// The host's catalogue: the stories and the programme's sessions.
    public struct Catalogue: Sendable, Equatable {
        public var stories: [StoryEntry]
        public var sessions: [ProgrammeSession]

        public init(stories: [StoryEntry], sessions: [ProgrammeSession]) {
            self.stories = stories
            self.sessions = sessions
        }
    }

    public var protocolVersion: Int
    public var role: ClientMessage.Role
    /// The phone's device token (audience only).
    public var device: String?
    public var eventTitle: String
    public var nextSteps: String
    public var perspectives: [Perspective]
    /// The phone's perspective (nil: none given).
    public var perspective: String?
    public var joinURLs: [String]
    public var support: [SupportLine]
    /// Language tag → the event's words in that language.
    public var translations: [String: EventTranslation]
    /// Where the join QR code is served (screens and hosts; nil: none).
    public var joinQR: String?
    /// The host's stories and sessions (nil for other roles).
    public var catalogue: Catalogue?
    /// *(addition)* The phone's place (audience only; nil: not said).
    public var place: Place?
    /// *(addition)* The link for people following remotely and its QR code (host only; nil:
    /// none, `remote_join_url` and `remote_join_qr` are null).
    public var remote: RemoteJoin?

    public init(
        protocolVersion: Int, role: ClientMessage.Role, device: String?, eventTitle: String, nextSteps: String,
        perspectives: [Perspective], perspective: String?, joinURLs: [String], support: [SupportLine],
        translations: [String: EventTranslation], joinQR: String?, catalogue: Catalogue?, place: Place? = nil,
        remote: RemoteJoin? = nil
    ) {
        self.protocolVersion = protocolVersion
        self.role = role
        self.device = device
        self.eventTitle = eventTitle
        self.nextSteps = nextSteps
        self.perspectives = perspectives
        self.perspective = perspective
        self.joinURLs = joinURLs
        self.support = support
        self.translations = translations
        self.joinQR = joinQR
        self.catalogue = catalogue
        self.place = place
        self.remote = remote
    }

    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("type", .string(Self.type.rawValue)), ("protocol", .int(protocolVersion)),
            ("role", .string(role.rawValue)),
        ]
        if role == .audience { members.append(("device", .string(device))) }
        members += [
            ("event", .object([("title", .string(eventTitle)), ("next_steps", .string(nextSteps))])),
            (
                "perspectives",
                .array(perspectives.map { .object([("id", .string($0.id)), ("label", .string($0.label))]) })
            ),
            ("perspective", .string(perspective)),
            ("join_urls", .array(joinURLs.map { .string($0) })),
            ("support", .array(support.map(Self.supportJSON))),
            ("translations", Self.translationsJSON(translations)),
        ]
        if role != .audience { members.append(("join_qr", .string(joinQR))) }
        if role == .audience { members.append(("place", .string(place?.rawValue))) }
        if role == .host {
            members.append(("remote_join_url", .string(remote?.url)))
            members.append(("remote_join_qr", .string(remote?.qr)))
        }
        if role == .host, let catalogue {
            members.append(("stories", .array(catalogue.stories.map(Self.storyJSON))))
            members.append(("sessions", .array(catalogue.sessions.map(Self.sessionJSON))))
        }
        return .object(members)
    }

    public init?(json: JSONValue) {
        guard Self.isOwnType(json) else { return nil }
        protocolVersion = json["protocol"]?.intValue ?? 1
        role = json["role"]?.stringValue.flatMap(ClientMessage.Role.init(rawValue:)) ?? .audience
        device = json["device"]?.stringValue
        eventTitle = json["event"]?["title"]?.stringValue ?? ""
        nextSteps = json["event"]?["next_steps"]?.stringValue ?? ""
        perspectives = (json["perspectives"]?.arrayValue ?? []).compactMap { item in
            item["id"]?.stringValue.map { Perspective(id: $0, label: item["label"]?.stringValue ?? $0) }
        }
        perspective = json["perspective"]?.stringValue
        joinURLs = json["join_urls"]?.strings ?? []
        support = (json["support"]?.arrayValue ?? []).compactMap { line in
            line["label"]?.stringValue.map {
                SupportLine(
                    label: $0, number: line["number"]?.stringValue, link: line["link"]?.stringValue,
                    when: line["when"]?.stringValue)
            }
        }
        translations = [:]
        for (tag, words) in json["translations"]?.members ?? [] {
            translations[tag] = EventTranslation(
                title: words["title"]?.stringValue, nextSteps: words["next_steps"]?.stringValue,
                perspectives: words["perspectives"]?.stringMap ?? [:], sessions: words["sessions"]?.stringMap ?? [:])
        }
        joinQR = json["join_qr"]?.stringValue
        place = json["place"]?.stringValue.flatMap(Place.init(rawValue:))
        remote = json["remote_join_url"]?.stringValue.map {
            RemoteJoin(url: $0, qr: json["remote_join_qr"]?.stringValue)
        }
        let stories = json["stories"]?.arrayValue
        let sessions = json["sessions"]?.arrayValue
        if stories != nil || sessions != nil {
            catalogue = Catalogue(
                stories: (stories ?? []).compactMap { story in
                    story["id"]?.stringValue.map {
                        StoryEntry(
                            id: $0, title: story["title"]?.stringValue ?? $0,
                            summary: story["summary"]?.stringValue, sceneCount: story["scenes"]?.intValue ?? 0)
                    }
                },
                sessions: (sessions ?? []).compactMap { session in
                    session["id"]?.stringValue.map {
                        ProgrammeSession(
                            id: $0, title: session["title"]?.stringValue ?? $0, starts: session["starts"]?.stringValue,
                            stories: session["stories"]?.strings ?? [])
                    }
                })
        } else {
            catalogue = nil
        }
    }

    private static func storyJSON(_ story: StoryEntry) -> JSONValue {
        .object([
            ("id", .string(story.id)), ("title", .string(story.title)), ("summary", .string(story.summary)),
            ("scenes", .int(story.sceneCount)),
        ])
    }

    private static func sessionJSON(_ session: ProgrammeSession) -> JSONValue {
        .object([
            ("id", .string(session.id)), ("title", .string(session.title)), ("starts", .string(session.starts)),
            ("stories", .array(session.stories.map { .string($0) })),
        ])
    }

    /// A support line; `dial` is the number as a `tel:` link dials it.
    private static func supportJSON(_ line: SupportLine) -> JSONValue {
        .object([
            ("label", .string(line.label)), ("number", .string(line.number)), ("dial", .string(line.dial)),
            ("link", .string(line.link)), ("when", .string(line.when)),
        ])
    }

    /// Language tag → the words given (`title`, `next_steps`, `perspectives` id → label,
    /// `sessions` id → title), keys sorted.
    private static func translationsJSON(_ translations: [String: EventTranslation]) -> JSONValue {
        func map(_ texts: [String: String]) -> JSONValue {
            .object(texts.keys.sorted().map { ($0, .string(texts[$0]!)) })
        }
        return .object(
            translations.keys.sorted().map { tag in
                let translation = translations[tag]!
                return (
                    tag,
                    .object([
                        ("title", .string(translation.title)), ("next_steps", .string(translation.nextSteps)),
                        ("perspectives", map(translation.perspectives)), ("sessions", map(translation.sessions)),
                    ])
                )
            })
    }
}
