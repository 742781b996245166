/// Builders for the messages the server sends (docs/protocol.md), as typed messages.
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
    ) -> WelcomeMessage {
        let programme = library.programme
        return WelcomeMessage(
            protocolVersion: protocolVersion, role: role, device: role == .audience ? device : nil,
            eventTitle: programme.title, nextSteps: programme.nextSteps, perspectives: programme.perspectives,
            perspective: perspective, joinURLs: joinURLs, support: programme.support,
            translations: programme.translations, joinQR: role != .audience ? joinQR : nil,
            catalogue: role == .host
                ? WelcomeMessage.Catalogue(
                    stories: library.stories.map {
                        WelcomeMessage.StoryEntry(
                            id: $0.id, title: $0.title, summary: $0.summary, sceneCount: $0.scenes.count)
                    },
                    sessions: programme.sessions) : nil,
            place: role == .audience ? place : nil, remote: role == .host ? remote : nil)
    }

    /// `ack` for a vote.
    public static func voteAck(ref: String?, decision: String, option: String) -> AckMessage {
        AckMessage(ref: ref, .vote(decision: decision, option: option))
    }

    /// `ack` for a perspective.
    public static func perspectiveAck(ref: String?, perspective: String?) -> AckMessage {
        AckMessage(ref: ref, .perspective(perspective))
    }

    /// `ack` for a place *(addition)*.
    public static func placeAck(ref: String?, place: Place?) -> AckMessage {
        AckMessage(ref: ref, .place(place))
    }

    /// `ack` for a host command.
    public static func commandAck(ref: String?, command: HostCommandName) -> AckMessage {
        AckMessage(ref: ref, .command(command))
    }

    /// `error` with a stable code; `options` lists tied options for `tie`.
    public static func error(code: String, message: String, ref: String?, options: [String]? = nil) -> ErrorMessage {
        ErrorMessage(code: code, message: message, ref: ref, options: options)
    }

    /// `pong`, the answer to a client's `ping`.
    public static let pong = PongMessage()
}

extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}
