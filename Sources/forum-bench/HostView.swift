import ForumCore

/// What the bench's host connection has been told: its welcome, the latest state and tally,
/// and the answers to its commands.
struct HostView {
    var welcome: WelcomeMessage?
    var state: StateMessage?
    /// The latest tally, from a `tally` message or a state.
    var tally: TallyCounts?
    /// Answers to commands by `ref`: nil while waiting, then "ok" or the error.
    var answers: [String: String] = [:]
    /// States received so far, to wait for the next one.
    var states = 0

    /// Takes in one message from the server; an error without a `ref` is a failure.
    mutating func receive(_ message: ServerMessage, failures: inout [String]) {
        switch message {
        case .welcome(let welcome):
            self.welcome = welcome
        case .state(let state):
            self.state = state
            states += 1
            if let tally = state.tally { self.tally = tally }
        case .tally(let message):
            tally = message.tally
        case .ack(let ack):
            if let ref = ack.ref { answers[ref] = "ok" }
        case .error(let error):
            let text = "\(error.code): \(error.message)"
            if let ref = error.ref {
                answers[ref] = text
            } else {
                failures.append("the host got error \(text)")
            }
        case .pong, .voice, .report:
            break
        }
    }

    /// The current scene's id.
    var scene: String? { state?.scene?.id }

    /// The current round's id and status.
    var round: (id: String?, status: StateMessage.DecisionStatus?) {
        (state?.decision?.roundID, state?.decision?.status)
    }

    /// The latest tally's round, total and counts per option.
    var tallyCounts: (round: String?, total: Int, counts: [String: Int]) {
        (tally?.roundID, tally?.total ?? -1, tally?.counts.dictionary ?? [:])
    }
}

extension Bench {
    /// Runs one host command and waits for its ack; throws if it is refused.
    func command(_ command: HostCommand) throws(BenchFailure) {
        let name = command.name
        let ref = "c\(host.answers.count + 1)-\(name.rawValue)"
        host.answers[ref] = "waiting"
        pool.send(0, ClientMessage.command(command).json(ref: ref).bytes)
        try run(
            until: { host.answers[ref] != "waiting" }, timeoutSeconds: 30,
            waitingFor: "the answer to `\(name.rawValue)`")
        guard host.answers[ref] == "ok" else {
            throw BenchFailure("the host command `\(name.rawValue)` was refused: \(host.answers[ref] ?? "?")")
        }
    }
}
