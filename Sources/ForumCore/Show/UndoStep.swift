import Foundation

/// One move of the room that `undo` can take back: the position just before it.
public struct UndoStep: Sendable, Equatable, Codable {
    /// The command that moved the room (`next`, `follow`, `choose`, `goto`, `back`, `replay`).
    public var command: String
    /// The run's position before the move, with its round as it was then.
    public var run: RunPosition
    /// When the move happened (a timed round gets back the time it had left).
    public var at: Date
    public init(command: String, run: RunPosition, at: Date) {
        self.command = command
        self.run = run
        self.at = at
    }
}

/// See ``ShowRecord/undone(_:)``: what an undo took back and what it brought back.
public struct UndoRecord: Sendable, Equatable, Codable {
    public var runID: String
    /// The command whose move was undone.
    public var command: String
    /// The scene on the screens before the undo (nil: the story had reached its end).
    public var fromScene: String?
    /// The scene brought back (nil: the story's end, when the move left one).
    public var toScene: String?
    /// The round brought back with the scene, and the status it has again.
    public var roundID: String?
    public var roundStatus: RoundStatus?
    /// When the undone move had been made.
    public var movedAt: Date
    public var at: Date
    public init(
        runID: String, command: String, fromScene: String?, toScene: String?, roundID: String?,
        roundStatus: RoundStatus?, movedAt: Date, at: Date
    ) {
        self.runID = runID
        self.command = command
        self.fromScene = fromScene
        self.toScene = toScene
        self.roundID = roundID
        self.roundStatus = roundStatus
        self.movedAt = movedAt
        self.at = at
    }
}
