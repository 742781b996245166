import ForumCore
import Foundation

extension ConsoleState {
    /// Handles one key in the current mode and says what to do. Keys never wait for the
    /// server: a command is sent and its answer arrives later as a message.
    public mutating func press(_ key: Key, now: Date) -> [ConsoleEffect] {
        switch mode {
        case .normal: return pressNormal(key, now: now)
        case .commandLine(let text): return pressCommandLine(key, text: text, now: now)
        case .seconds(let text): return pressSeconds(key, text: text, now: now)
        case .confirm(let confirmation):
            mode = .normal
            if key == .character("y") || key == .character("Y") { return [confirmation.effect] }
            notice = Notice(kind: .info, text: "Cancelled: nothing was changed.", until: now + 3)
            return []
        case .chooseTie(let tied): return pressTie(key, tied: tied)
        case .pickStory: return pressPickStory(key)
        case .help, .info, .venues:
            mode = .normal
            return []
        case .quit: return pressQuit(key)
        case .proposals(let cursor): return pressProposals(key, cursor: cursor, now: now)
        }
    }

    private mutating func pressNormal(_ key: Key, now: Date) -> [ConsoleEffect] {
        notice = nil
        switch key {
        case .character(let character): return pressCharacter(character, now: now)
        case .up: scroll = max(0, scroll - 1)
        case .down: scroll += 1
        case .pageUp: scroll = max(0, scroll - 5)
        case .pageDown: scroll += 5
        case .interrupt:
            if role == .remote { return [.finish(.quit(stopShow: false))] }
            mode = .quit
        case .redraw: return [.redraw]
        default: break
        }
        return []
    }

    private mutating func pressCharacter(_ character: Character, now: Date) -> [ConsoleEffect] {
        if isModerator, !KeyBindings.moderator.contains(String(character)) { return onlyTheHost(now: now) }
        switch character {
        case "n": return [.send(.next)]
        case "b": return leave(by: .back, to: view.trail.last, effect: .send(.back))
        case "o": return [.send(.open(seconds: nil))]
        case "c": return [.send(.close)]
        case "r": return [.send(.reveal)]
        case "f":
            if view.winner.count > 1, let decision = view.decision, decision.status != "pending" {
                mode = .chooseTie(view.winner)
                return []
            }
            return [.send(.follow)]
        case "1"..."8": return choose(number: character.wholeNumberValue ?? 0)
        case "p": return replay(scene: nil)
        case "t":
            guard view.decision != nil else {
                notice = Notice(kind: .refused, text: "This scene has no decision to vote on.", until: nil)
                return []
            }
            mode = .seconds("")
        case "v":
            let current = view.decision?.results.flatMap(ResultsVisibility.init(rawValue:)) ?? .hidden
            return [.send(.results(current.next))]
        case "g":
            localSplit = !isSplit
            return [.send(.split(localSplit))]
        case "G": return splitByPlace()
        case "s":
            mode = .pickStory
        case "e": return end()
        case "x": return finishDay()
        case "j": return [.send(.join(!view.joinScreen))]
        case ":": mode = .commandLine("")
        case "?", "h": mode = .help
        case "q": mode = .quit
        case "u": return undo()
        case "i": mode = .info
        case "a": return [.send(.acknowledge)]
        case "w": return [.send(.proposals(!voice.proposalsOpen))]
        case "m": openProposals()
        case "V": showVenues(now: now)
        default:
            notice = Notice(kind: .info, text: "No key '\(character)': press ? for help.", until: now + 4)
        }
        return []
    }

    private mutating func choose(number: Int) -> [ConsoleEffect] {
        let options = view.options
        guard number >= 1, number <= options.count else {
            notice = Notice(
                kind: .refused,
                text: options.isEmpty
                    ? "This scene has no options to choose."
                    : "There is no option \(number): choose 1-\(options.count).",
                until: nil)
            return []
        }
        let effect = ConsoleEffect.send(.choose(option: options[number - 1].id))
        if let question = SafetyNet.beforeChoosing(number: number, in: view) {
            mode = .confirm(Confirmation(question: question, effect: effect))
            return []
        }
        return [effect]
    }

    /// Sends a move away from this scene, asking first when it goes against the room's vote.
    private mutating func leave(by command: HostCommandName, to scene: String?, effect: ConsoleEffect)
        -> [ConsoleEffect]
    {
        if let question = SafetyNet.beforeLeaving(by: command, to: scene, in: view) {
            mode = .confirm(Confirmation(question: question, effect: effect))
            return []
        }
        return [effect]
    }

    /// `u` / `:undo`: asks first, saying what comes back; with nothing to undo the server says so.
    private mutating func undo() -> [ConsoleEffect] {
        guard let question = SafetyNet.beforeUndo(in: view) else { return [.send(.undo)] }
        mode = .confirm(Confirmation(question: question, effect: .send(.undo)))
        return []
    }

    private mutating func replay(scene: String?) -> [ConsoleEffect] {
        let effect = ConsoleEffect.send(.replay(scene: scene))
        guard let decision = view.decision, decision.roundID != nil, scene == nil || scene == view.sceneID else {
            return leave(by: .replay, to: scene, effect: effect)
        }
        mode = .confirm(
            Confirmation(
                question: "Replay this scene as a new round? The \(decision.status) round is kept in the results.",
                effect: effect))
        return []
    }

    private mutating func end() -> [ConsoleEffect] {
        guard let title = view.storyTitle else {
            notice = Notice(kind: .refused, text: "No story is running.", until: nil)
            return []
        }
        mode = .confirm(Confirmation(question: "End \(title)? The run cannot be continued.", effect: .send(.end)))
        return []
    }

    private mutating func start(story: String) -> [ConsoleEffect] {
        let effect = ConsoleEffect.send(.start(story: story))
        guard let running = view.storyTitle else { return [effect] }
        let position = view.sceneIndex.map { " at scene \($0) of \(view.sceneCount ?? 0)" } ?? ""
        mode = .confirm(
            Confirmation(
                question: "Start \(view.storyTitle(of: story))? This ends \(running)\(position).", effect: effect))
        return []
    }

    private mutating func pressCommandLine(_ key: Key, text: String, now: Date) -> [ConsoleEffect] {
        switch key {
        case .character(let character): mode = .commandLine(text + String(character))
        case .backspace:
            mode = text.isEmpty ? .normal : .commandLine(String(text.dropLast()))
        case .escape, .interrupt: mode = .normal
        case .enter:
            mode = .normal
            return run(line: text, now: now)
        default: break
        }
        return []
    }

    /// Runs a line typed at the `:` prompt.
    private mutating func run(line: String, now: Date) -> [ConsoleEffect] {
        switch ConsoleInput.parse(line) {
        case .failure(let error):
            notice = Notice(kind: .refused, text: error.message, until: nil)
            return []
        case .success(.empty), .success(.status): return []
        case .success(.report):
            notice = Notice(kind: .info, text: ReportAddress.line(joinURLs: view.joinURLs), until: nil)
            return []
        case .success(.help):
            mode = .help
            return []
        case .success(.quit):
            mode = .quit
            return []
        case .success(.chooseNumber(let number)): return choose(number: number)
        case .success(.command(let command)):
            if isModerator, !HostCommand.moderatorNames.contains(command.name) { return onlyTheHost(now: now) }
            switch command {
            case .end: return end()
            case .finish: return finishDay()
            case .start(let story): return start(story: story)
            case .replay(let scene): return replay(scene: scene)
            case .choose(let option):
                if let number = Int(option) ?? view.number(ofOption: option) { return choose(number: number) }
                return [.send(command)]
            case .goto(let scene): return leave(by: .goto, to: scene, effect: .send(command))
            case .back: return leave(by: .back, to: view.trail.last, effect: .send(command))
            case .undo: return undo()
            case .split(let on, _):
                localSplit = on
                return [.send(command)]
            default: return [.send(command)]
            }
        }
    }

    private mutating func pressSeconds(_ key: Key, text: String, now: Date) -> [ConsoleEffect] {
        switch key {
        case .character(let character) where character.isASCII && character.isWholeNumber:
            if text.count < 4 { mode = .seconds(text + String(character)) }
        case .backspace: mode = .seconds(String(text.dropLast()))
        case .escape, .interrupt: mode = .normal
        case .enter:
            mode = .normal
            let seconds = Int(text) ?? Self.defaultSeconds
            guard seconds > 0 else {
                notice = Notice(kind: .refused, text: "A timed vote needs at least one second.", until: nil)
                return []
            }
            return [.send(.open(seconds: seconds))]
        default: break
        }
        return []
    }

    /// The seconds a timed vote gets when the host just presses Enter.
    public static let defaultSeconds = 60

    private mutating func pressTie(_ key: Key, tied: [String]) -> [ConsoleEffect] {
        if case .character(let character) = key, let number = character.wholeNumberValue,
            number >= 1, number <= view.options.count, tied.contains(view.options[number - 1].id)
        {
            mode = .normal
            return [.send(.choose(option: view.options[number - 1].id))]
        }
        if key == .escape || key == .interrupt || key == .character("q") { mode = .normal }
        return []
    }

    private mutating func pressPickStory(_ key: Key) -> [ConsoleEffect] {
        let stories = view.programmeStories
        if case .character(let character) = key, let number = character.wholeNumberValue,
            number >= 1, number <= min(9, stories.count)
        {
            mode = .normal
            return start(story: stories[number - 1].id)
        }
        if key == .escape || key == .interrupt || key == .character("q") || key == .character("s") { mode = .normal }
        return []
    }

    private mutating func pressQuit(_ key: Key) -> [ConsoleEffect] {
        mode = .normal
        switch (role, key) {
        case (.serve, .character("y")), (.serve, .character("Y")), (.serve, .interrupt):
            return [.finish(.quit(stopShow: true))]
        case (.serve, .character("k")), (.serve, .character("K")):
            return [.finish(.quit(stopShow: false))]
        case (.remote, .character("y")), (.remote, .character("Y")), (.remote, .interrupt):
            return [.finish(.quit(stopShow: false))]
        default: return []
        }
    }
}
