import ForumCore

/// What the bench's host connection has been told: its welcome, the latest state and tally,
/// and the answers to its commands.
struct HostView {
    var welcome: JSONValue?
    var state: JSONValue?
    /// The latest tally, from a `tally` message or a state.
    var tally: JSONValue?
    /// Answers to commands by `ref`: nil while waiting, then "ok" or the error.
    var answers: [String: String] = [:]
    /// States received so far, to wait for the next one.
    var states = 0

    /// Takes in one message of `type` from the server; an error without a `ref` is a failure.
    mutating func receive(type: String, message: JSONValue, failures: inout [String]) {
        switch type {
        case "welcome":
            welcome = message
        case "state":
            state = message
            states += 1
            if let tally = message["tally"], tally != .null { self.tally = tally }
        case "tally":
            tally = message
        case "ack":
            if let ref = message["ref"]?.stringValue { answers[ref] = "ok" }
        case "error":
            let text = "\(message["code"]?.stringValue ?? "?"): \(message["message"]?.stringValue ?? "")"
            if let ref = message["ref"]?.stringValue {
                answers[ref] = text
            } else {
                failures.append("the host got error \(text)")
            }
        default:
            break
        }
    }

    /// The current scene's id.
    var scene: String? { state?["scene"]?["id"]?.stringValue }

    /// The current round's id and status.
    var round: (id: String?, status: String?) {
        (state?["decision"]?["id"]?.stringValue, state?["decision"]?["status"]?.stringValue)
    }

    /// The latest tally's round, total and counts per option.
    var tallyCounts: (round: String?, total: Int, counts: [String: Int]) {
        var counts: [String: Int] = [:]
        if case .object(let members)? = tally?["counts"] {
            for (option, value) in members { counts[option] = value.intValue ?? 0 }
        }
        return (tally?["decision"]?.stringValue, tally?["total"]?.intValue ?? -1, counts)
    }
}

extension Bench {
    /// Runs one host command and waits for its ack; throws if it is refused.
    func command(_ name: String, _ args: [(String, JSONValue)] = []) throws(BenchFailure) {
        let ref = "c\(host.answers.count + 1)-\(name)"
        var members: [(String, JSONValue)] = [("type", "command"), ("command", .string(name))]
        if !args.isEmpty { members.append(("args", .object(args))) }
        members.append(("ref", .string(ref)))
        host.answers[ref] = "waiting"
        pool.send(0, JSONValue.object(members).bytes)
        try run(until: { host.answers[ref] != "waiting" }, timeoutSeconds: 30, waitingFor: "the answer to `\(name)`")
        guard host.answers[ref] == "ok" else {
            throw BenchFailure("the host command `\(name)` was refused: \(host.answers[ref] ?? "?")")
        }
    }
}
