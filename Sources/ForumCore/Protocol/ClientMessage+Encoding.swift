/// The wire form of the messages clients send (docs/protocol.md), for the protocol's clients
/// (forum-bench, the tests): the same fields ``ClientMessageDecoder`` reads, spelled once.
extension ClientMessage {
    /// The message as JSON, with `ref` when given.
    public func json(ref: String? = nil) -> JSONValue {
        var members: [(String, JSONValue)]
        switch self {
        case .hello(let role, let device, let key, let stateAfterAck):
            members = [("type", "hello"), ("role", .string(role.rawValue))]
            if let device { members.append(("device", .string(device))) }
            if let key { members.append(("key", .string(key))) }
            if !stateAfterAck { members.append(("state_after_ack", .bool(false))) }
        case .vote(let decision, let option):
            members = [("type", "vote"), ("decision", .string(decision)), ("option", .string(option))]
        case .perspective(let perspective):
            members = [("type", "perspective"), ("perspective", .string(perspective))]
        case .command(let command):
            members = [("type", "command"), ("command", .string(command.name.rawValue))]
            let args = command.arguments
            if !args.isEmpty { members.append(("args", .object(args))) }
        case .ping:
            members = [("type", "ping")]
        }
        if let ref { members.append(("ref", .string(ref))) }
        return .object(members)
    }
}

extension HostCommand {
    /// The command's `args` as the protocol names them (empty for commands without any).
    public var arguments: [(String, JSONValue)] {
        switch self {
        case .start(let story): [("story", .string(story))]
        case .goto(let scene): [("scene", .string(scene))]
        case .open(let seconds): seconds.map { [("seconds", .int($0))] } ?? []
        case .choose(let option): [("option", .string(option))]
        case .replay(let scene): scene.map { [("scene", .string($0))] } ?? []
        case .session(let id): [("session", .string(id))]
        case .results(let visibility): [("mode", .string(visibility.rawValue))]
        case .split(let on): [("on", .bool(on))]
        case .join(let on): [("on", .bool(on))]
        case .note(let text): [("text", .string(text))]
        case .next, .back, .close, .reveal, .follow, .end, .finish, .undo: []
        }
    }
}
