import ForumCore

/// The room's voice as typed commands: `acknowledge`, `stops on|off`, `proposals on|off`,
/// `ideas on|off` (the projector's approved proposals), `approve P3`, `reject P3`,
/// `merge P4 P3` (P4 has the same idea as P3), `adopt P3` (put it to the vote).
extension ConsoleInput {
    /// The command for `verb` and its words, nil when `verb` is not one of these.
    static func parseVoice(_ verb: String, _ rest: [String]) -> Result<ConsoleInput, ConsoleInputError>? {
        func proposal(_ word: String) -> String { word.uppercased() }
        func toggle(_ command: (Bool) -> HostCommand) -> Result<ConsoleInput, ConsoleInputError> {
            guard rest.count == 1, let on = ["on": true, "off": false][rest[0].lowercased()] else {
                return .failure(ConsoleInputError("\(verb) needs on or off: \(verb) on"))
            }
            return .success(.command(command(on)))
        }
        switch verb {
        case "acknowledge", "ack":
            guard rest.isEmpty else { return .failure(ConsoleInputError("\(verb) takes nothing after it")) }
            return .success(.command(.acknowledge))
        case "stops": return toggle { .stops($0) }
        case "proposals": return toggle { .proposals($0) }
        case "ideas", "show_proposals": return toggle { .showProposals($0) }
        case "approve", "reject", "adopt":
            guard rest.count == 1 else {
                return .failure(ConsoleInputError("\(verb) needs a proposal: \(verb) P3"))
            }
            let id = proposal(rest[0])
            let command: HostCommand =
                switch verb {
                case "approve": .approve(proposal: id)
                case "reject": .reject(proposal: id)
                default: .adopt(proposal: id)
                }
            return .success(.command(command))
        case "merge":
            guard rest.count == 2 else {
                return .failure(ConsoleInputError("merge needs two proposals: merge P4 P3 (P4 is the same idea as P3)"))
            }
            return .success(.command(.merge(proposal: proposal(rest[0]), into: proposal(rest[1]))))
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
