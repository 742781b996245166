import Foundation

/// One move of the room to another scene, kept so a report can tell the route a story run
/// took: which scene it left and reached, and after a decision, the option taken and what
/// the room had chosen. A later `undo` takes the latest move back (the store keeps both).
public struct StageMove: Sendable, Equatable, Codable {
    public var runID: String
    /// The command that moved the room: `next`, `back`, `goto`, `follow`, `choose`, `replay`.
    public var command: String
    /// The scene left (nil: the story had reached its end).
    public var fromScene: String?
    /// The scene reached (nil: the option taken ends the story).
    public var toScene: String?
    /// The round on the scene left, if it had one.
    public var roundID: String?
    /// After `follow` or `choose`: the option the show followed.
    public var optionID: String?
    /// After `follow` or `choose`: the room's winner then (nil: no votes, or a tie).
    public var roomChoice: String?
    public var at: Date

    /// A move of the room.
    public init(
        runID: String, command: String, fromScene: String?, toScene: String?, roundID: String?,
        optionID: String?, roomChoice: String?, at: Date
    ) {
        self.runID = runID
        self.command = command
        self.fromScene = fromScene
        self.toScene = toScene
        self.roundID = roundID
        self.optionID = optionID
        self.roomChoice = roomChoice
        self.at = at
    }

    /// For a decision: true when the show followed the room's winner.
    public var followedRoom: Bool? {
        optionID.map { $0 == roomChoice }
    }
}

/// A facilitator's note (`note`), kept with the round on the screens, or with the scene when
/// it has no round. Notes go to the database and the report, never to phones or the screen.
public struct FacilitatorNote: Sendable, Equatable, Codable {
    public var runID: String?
    public var sceneID: String?
    public var roundID: String?
    public var text: String
    public var at: Date

    /// A note.
    public init(runID: String?, sceneID: String?, roundID: String?, text: String, at: Date) {
        self.runID = runID
        self.sceneID = sceneID
        self.roundID = roundID
        self.text = text
        self.at = at
    }
}

extension Show {
    /// The longest facilitator note accepted, in characters.
    public static let noteLimit = 500

    /// The move `command` made, given the show `before` it; nil for commands that do not move
    /// the room.
    func stageMove(after command: HostCommand, from before: Show, at time: Date) -> StageMove? {
        guard Self.movesTheRoom(command), let run = before.snapshot.run else { return nil }
        var option: String?
        var roomChoice: String?
        switch command {
        case .follow, .choose:
            if let tally = before.tally, tally.total > 0, tally.leaders.count == 1 { roomChoice = tally.leaders[0] }
            if case .choose(let id) = command { option = id } else { option = roomChoice }
        default: break
        }
        return StageMove(
            runID: run.runID, command: command.name.rawValue, fromScene: run.sceneID, toScene: snapshot.run?.sceneID,
            roundID: run.round?.roundID, optionID: option, roomChoice: roomChoice, at: time)
    }

    /// Keeps a facilitator's note with the current round (or scene). Control characters go,
    /// spaces around are trimmed; an empty or over-long note is refused.
    mutating func note(_ text: String, at time: Date) throws(ShowError) -> [ShowRecord] {
        let cleaned = ControlCharacters.cleaned(text).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !cleaned.isEmpty else { throw ShowError("bad_message", "A note needs some text.") }
        guard cleaned.count <= Self.noteLimit else {
            throw ShowError("bad_message", "A note is at most \(Self.noteLimit) characters.")
        }
        let run = snapshot.run
        return [
            .noted(
                FacilitatorNote(
                    runID: run?.runID, sceneID: run?.sceneID, roundID: run?.round?.roundID, text: cleaned, at: time))
        ]
    }
}
