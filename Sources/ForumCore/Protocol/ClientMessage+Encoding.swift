/// The wire form of the messages clients send (docs/protocol.md), for the protocol's clients
/// (forum-bench, the tests): the same fields ``ClientMessageDecoder`` reads, spelled once.
extension ClientMessage {
    /// The message as JSON, with `ref` when given.
    public func json(ref: String? = nil) -> JSONValue {
        var members: [(String, JSONValue)]
        switch self {
        case .hello(let role, let device, let key, let stateAfterAck, let place):
            members = [("type", "hello"), ("role", .string(role.rawValue))]
            if let device { members.append(("device", .string(device))) }
            if let key { members.append(("key", .string(key))) }
            if !stateAfterAck { members.append(("state_after_ack", .bool(false))) }
            if let place { members.append(("place", .string(place.rawValue))) }
        case .vote(let decision, let option):
            members = [("type", "vote"), ("decision", .string(decision)), ("option", .string(option))]
        case .perspective(let perspective):
            members = [("type", "perspective"), ("perspective", .string(perspective))]
        case .place(let place):
            members = [("type", "place"), ("place", .string(place?.rawValue))]
        case .command(let command):
            members = [("type", "command"), ("command", .string(command.name.rawValue))]
            let args = command.arguments
            if !args.isEmpty { members.append(("args", .object(args))) }
        case .ping:
            members = [("type", "ping")]
        case .intervene(let on):
            members = [("type", "intervene"), ("on", .bool(on))]
        case .propose(let text):
            members = [("type", "propose"), ("text", .string(text))]
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
        case .split(let on, let dimension):
            [("on", .bool(on))] + (dimension.map { [("by", .string($0.rawValue))] } ?? [])
        case .join(let on): [("on", .bool(on))]
        case .note(let text): [("text", .string(text))]
        case .stops(let on), .proposals(let on), .showProposals(let on): [("on", .bool(on))]
        case .approve(let proposal), .reject(let proposal), .adopt(let proposal): [("proposal", .string(proposal))]
        case .merge(let proposal, let into): [("proposal", .string(proposal)), ("into", .string(into))]
        case .report(let edition): [("edition", .string(edition.rawValue))]
        case .next, .back, .close, .reveal, .follow, .end, .finish, .undo, .acknowledge: []
        }
    }
}
