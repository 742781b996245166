/// Builders for the messages the server sends (docs/protocol.md), as ``JSONValue``s.
public enum ServerMessages {
    /// The protocol version this server speaks.
    public static let protocolVersion = 1

    /// `welcome` for any role. `device` and `perspective` are for the audience; `catalogue`
    /// (stories and sessions) for the host; `join_qr` (where the QR code of the first join
    /// URL is served, or null) for screens and hosts. *(addition)* `place` for the audience;
    /// `remote_join_url` and `remote_join_qr` (the link for people following remotely and its
    /// QR code) for the host.
    public static func welcome(
        role: ClientMessage.Role, device: String?, perspective: String?, library: Library, joinURLs: [String],
        joinQR: String? = nil, place: Place? = nil, remote: RemoteJoin? = nil
    ) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("type", "welcome"), ("protocol", .int(protocolVersion)), ("role", .string(role.rawValue)),
        ]
        if role == .audience { members.append(("device", .string(device))) }
        members += [
            (
                "event",
                .object([
                    ("title", .string(library.programme.title)),
                    ("next_steps", .string(library.programme.nextSteps)),
                ])
            ),
            (
                "perspectives",
                .array(
                    library.programme.perspectives.map {
                        .object([("id", .string($0.id)), ("label", .string($0.label))])
                    })
            ),
            ("perspective", .string(perspective)),
            ("join_urls", .array(joinURLs.map { .string($0) })),
            ("support", supportJSON(library.programme.support)),
            ("translations", translationsJSON(library.programme.translations)),
        ]
        if role != .audience { members.append(("join_qr", .string(joinQR))) }
        if role == .audience { members.append(("place", .string(place?.rawValue))) }
        if role == .host {
            members.append(("remote_join_url", .string(remote?.url)))
            members.append(("remote_join_qr", .string(remote?.qr)))
        }
        if role == .host {
            members.append(
                (
                    "stories",
                    .array(
                        library.stories.map { story in
                            .object([
                                ("id", .string(story.id)), ("title", .string(story.title)),
                                ("summary", .string(story.summary)), ("scenes", .int(story.scenes.count)),
                            ])
                        })
                ))
            members.append(
                (
                    "sessions",
                    .array(
                        library.programme.sessions.map { session in
                            .object([
                                ("id", .string(session.id)), ("title", .string(session.title)),
                                ("starts", .string(session.starts)),
                                ("stories", .array(session.stories.map { .string($0) })),
                            ])
                        })
                ))
        }
        return .object(members)
    }

    /// `ack` for a vote.
    public static func voteAck(ref: String?, decision: String, option: String) -> JSONValue {
        .object([("type", "ack"), ("ref", .string(ref)), ("decision", .string(decision)), ("option", .string(option))])
    }

    /// `ack` for a perspective.
    public static func perspectiveAck(ref: String?, perspective: String?) -> JSONValue {
        .object([("type", "ack"), ("ref", .string(ref)), ("perspective", .string(perspective))])
    }

    /// `ack` for a place *(addition)*.
    public static func placeAck(ref: String?, place: Place?) -> JSONValue {
        .object([("type", "ack"), ("ref", .string(ref)), ("place", .string(place?.rawValue))])
    }

    /// `ack` for a host command.
    public static func commandAck(ref: String?, command: String) -> JSONValue {
        .object([("type", "ack"), ("ref", .string(ref)), ("command", .string(command))])
    }

    /// `error` with a stable code; `options` lists tied options for `tie`.
    public static func error(code: String, message: String, ref: String?, options: [String]? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("type", "error"), ("code", .string(code)), ("message", .string(message)),
        ]
        if let ref { members.append(("ref", .string(ref))) }
        if let options { members.append(("options", .array(options.map { .string($0) }))) }
        return .object(members)
    }

    /// `pong`, the answer to a client's `ping`.
    public static let pong: JSONValue = .object([("type", "pong")])
}

extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}
