/// The parts of a state about the day as a whole: finished, the join screen, what comes next.
extension StateView {
    /// `finished` (every role), `next_session` (every role) and `join_screen` (screen and host).
    static func closingMembers(of show: Show, for role: ClientMessage.Role) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [
            ("finished", .bool(show.isFinished)),
            ("next_session", show.nextSession.map { sessionJSON($0) } ?? .null),
        ]
        if role != .audience { members.append(("join_screen", .bool(show.showsJoinScreen))) }
        return members
    }

    /// A programme session as states carry it: id, title and start time (or null).
    static func sessionJSON(_ session: ProgrammeSession) -> JSONValue {
        .object([("id", .string(session.id)), ("title", .string(session.title)), ("starts", .string(session.starts))])
    }
}

extension ServerMessages {
    /// The event's support lines as `welcome` carries them; `dial` is the number as a `tel:`
    /// link dials it.
    static func supportJSON(_ lines: [SupportLine]) -> JSONValue {
        .array(
            lines.map { line in
                .object([
                    ("label", .string(line.label)), ("number", .string(line.number)), ("dial", .string(line.dial)),
                    ("link", .string(line.link)), ("when", .string(line.when)),
                ])
            })
    }
}
