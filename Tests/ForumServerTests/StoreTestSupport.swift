import ForumCore
import ForumStore
import Foundation

/// A fresh directory under the system temporary directory, removed when released.
final class TemporaryDirectory: Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("forum-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A path inside the directory.
    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Building blocks for store tests: a show with one session, one run and rounds to vote in.
enum StoreFixtures {
    /// 2025-05-14T09:00:00.000Z plus `seconds`.
    static func time(_ seconds: Double) -> Date {
        Date(timeIntervalSince1970: 1_747_213_200 + seconds)
    }

    static let options = [
        Option(id: "police", label: "Call the police"),
        Option(id: "crisis-line", label: "Ring the crisis line"),
        Option(id: "wait", label: "Wait and see"),
    ]

    /// Session `morning`, run `R1` of `sams-night`, its first scene shown.
    static let opening: [ShowRecord] = [
        .sessionEntered(SessionEntry(sessionID: "morning", title: "Morning session", at: time(0))),
        .runStarted(
            RunStart(runID: "R1", sessionID: "morning", storyID: "sams-night", storyTitle: "Sam's night", at: time(1))),
        .sceneShown(SceneShown(runID: "R1", sceneID: "kitchen", at: time(1))),
    ]

    /// Round `id` opened on scene `kitchen` of run `R1`, with ``options``.
    static func round(_ id: String, question: String = "What should Sam do?", at seconds: Double = 2) -> ShowRecord {
        .roundOpened(
            RoundOpening(
                roundID: id, runID: "R1", sceneID: "kitchen", question: question, options: options, at: time(seconds)))
    }

    static func join(_ device: String, at seconds: Double = 1) -> ShowRecord {
        .deviceJoined(DeviceJoin(device: device, at: time(seconds)))
    }

    static func vote(
        _ device: String, _ option: String, round: String = "D1", perspective: String? = nil,
        reason: VoteReason = .vote, at seconds: Double = 3
    ) -> ShowRecord {
        .vote(
            VoteRecord(
                roundID: round, device: device, optionID: option, perspective: perspective, reason: reason,
                at: time(seconds)))
    }

    /// A database at `path` with the opening, round `D1` open and `devices` joined.
    static func database(at path: String, devices: [String]) throws -> ForumDatabase {
        let database = try ForumDatabase(path: path)
        try database.write(opening + [round("D1")] + devices.map { join($0) })
        return database
    }
}
