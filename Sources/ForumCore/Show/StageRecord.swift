import Foundation

/// *(addition)* The records of a host command that every venue of a shared show keeps: the
/// stage (sessions, runs, scenes, rounds, moves, undos, notes, the day's end). A device's
/// records and the room's voice stay at the venue where they happened.
public enum StageRecord: Sendable, Equatable, Codable {
    case sessionEntered(SessionEntry)
    case runStarted(RunStart)
    case sceneShown(SceneShown)
    case roundOpened(RoundOpening)
    case roundStatus(RoundStatusChange)
    case runEnded(RunEnd)
    case showFinished(ShowFinishing)
    case undone(UndoRecord)
    case moved(StageMove)
    case noted(FacilitatorNote)

    /// The stage part of a show record; nil for a device's, a vote's, the room's voice and
    /// the snapshot (a stage entry carries its own).
    public init?(_ record: ShowRecord) {
        switch record {
        case .sessionEntered(let value): self = .sessionEntered(value)
        case .runStarted(let value): self = .runStarted(value)
        case .sceneShown(let value): self = .sceneShown(value)
        case .roundOpened(let value): self = .roundOpened(value)
        case .roundStatus(let value): self = .roundStatus(value)
        case .runEnded(let value): self = .runEnded(value)
        case .showFinished(let value): self = .showFinished(value)
        case .undone(let value): self = .undone(value)
        case .moved(let value): self = .moved(value)
        case .noted(let value): self = .noted(value)
        default: return nil
        }
    }

    /// The record to store.
    public var showRecord: ShowRecord {
        switch self {
        case .sessionEntered(let value): .sessionEntered(value)
        case .runStarted(let value): .runStarted(value)
        case .sceneShown(let value): .sceneShown(value)
        case .roundOpened(let value): .roundOpened(value)
        case .roundStatus(let value): .roundStatus(value)
        case .runEnded(let value): .runEnded(value)
        case .showFinished(let value): .showFinished(value)
        case .undone(let value): .undone(value)
        case .moved(let value): .moved(value)
        case .noted(let value): .noted(value)
        }
    }
}
