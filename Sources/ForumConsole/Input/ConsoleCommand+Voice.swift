/// The room's voice as typed commands: `acknowledge`, `stops on|off`, `proposals on|off`,
/// `ideas on|off` (the projector's approved proposals), `approve P3`, `reject P3`,
/// `merge P4 P3` (P4 has the same idea as P3), `adopt P3` (put it to the vote).
extension ConsoleInput {
    /// The command for `verb` and its words, nil when `verb` is not one of these.
    static func parseVoice(_ verb: String, _ rest: [String]) -> Result<ConsoleInput, ConsoleInputError>? {
        func proposal(_ word: String) -> String { word.uppercased() }
        func toggle(_ name: String) -> Result<ConsoleInput, ConsoleInputError> {
            guard rest.count == 1, let on = ["on": true, "off": false][rest[0].lowercased()] else {
                return .failure(ConsoleInputError("\(verb) needs on or off: \(verb) on"))
            }
            return .success(.command(name: name, args: ["on": .bool(on)]))
        }
        switch verb {
        case "acknowledge", "ack":
            guard rest.isEmpty else { return .failure(ConsoleInputError("\(verb) takes nothing after it")) }
            return .success(.command(name: "acknowledge", args: [:]))
        case "stops": return toggle("stops")
        case "proposals": return toggle("proposals")
        case "ideas", "show_proposals": return toggle("show_proposals")
        case "approve", "reject", "adopt":
            guard rest.count == 1 else {
                return .failure(ConsoleInputError("\(verb) needs a proposal: \(verb) P3"))
            }
            return .success(.command(name: verb, args: ["proposal": .string(proposal(rest[0]))]))
        case "merge":
            guard rest.count == 2 else {
                return .failure(ConsoleInputError("merge needs two proposals: merge P4 P3 (P4 is the same idea as P3)"))
            }
            return .success(
                .command(
                    name: "merge", args: ["proposal": .string(proposal(rest[0])), "into": .string(proposal(rest[1]))]))
        default: return nil
        }
    }

    /// The help lines for these commands.
    static let voiceHelpText = """
        acknowledge      acknowledge the room's stops in this scene
        stops on|off     show (or stop showing) the stop count on the projector
        proposals on|off open (or close) proposals from phones for this scene
        ideas on|off     show (or stop showing) this scene's approved proposals on the projector
        approve P / reject P / merge P Q   moderate proposal P (merge: P is the same idea as Q)
        adopt P          put approved proposal P to the vote: a new round with it as an option
        """
}
