import ForumStore
import Foundation

/// One file an export wrote.
public struct ExportedFile: Sendable, Equatable {
    /// The file's name in the output directory, such as `votes.csv`.
    public var name: String
    /// Data rows written (the CSV header line not counted).
    public var rows: Int

    /// A written file and its row count.
    public init(name: String, rows: Int) {
        self.name = name
        self.rows = rows
    }
}

/// A document an export produces, before it is written.
public struct ExportDocument: Sendable, Equatable {
    /// The file's name, such as `votes.csv`.
    public var name: String
    /// The full text of the file.
    public var contents: String
    /// Data rows in it.
    public var rows: Int

    /// A named document with its row count.
    public init(name: String, contents: String, rows: Int) {
        self.name = name
        self.contents = contents
        self.rows = rows
    }
}

/// Exports a show's results to `votes.csv`, `rounds.csv`, `votes.json` and `rounds.json`,
/// and its stage record to `timeline.*`, `route.*` and `notes.*`. The files' shape is
/// described on ``ExportTables`` and ``ExportStageTables``.
///
/// The database is opened read-only (no empty database is ever created) and read in one
/// transaction, so the four files agree with each other even while the show goes on writing
/// to it: WAL readers see the last commit and do not block the writer.
public struct Exporter: Sendable {
    /// The Forum database to read.
    public var databasePath: String

    /// An exporter for the database at `databasePath`.
    public init(databasePath: String) {
        self.databasePath = databasePath
    }

    /// Writes the files into `directory` (created if missing, files replaced atomically)
    /// and returns them in the order written.
    ///
    /// - Throws: ``StoreError/noDatabase(path:)`` or ``StoreError/unknownSchema(path:)`` for a
    ///   missing or foreign database file; file system errors.
    public func export(to directory: URL) throws -> [ExportedFile] {
        let (results, stage) = try ForumDatabase.openForReading(path: databasePath).resultsAndStage()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try Self.documents(for: results, stage: stage).map { document in
            try Data(document.contents.utf8).write(
                to: directory.appendingPathComponent(document.name), options: .atomic)
            return ExportedFile(name: document.name, rows: document.rows)
        }
    }

    /// The documents for `results` and `stage`, without touching the disk.
    public static func documents(for results: ShowResults, stage: ShowStage = ShowStage()) throws
        -> [ExportDocument]
    {
        let tables = ExportTables(results: results)
        let votes = tables.voteRows
        let voteObjects = votes.map { Dictionary(uniqueKeysWithValues: zip(ExportTables.voteColumns, $0)) }
        let rounds = tables.roundCSVRows
        return [
            ExportDocument(
                name: "votes.csv",
                contents: CSVWriter.document(header: ExportTables.voteColumns, rows: votes.map { $0.map(\.csvField) }),
                rows: votes.count),
            ExportDocument(
                name: "rounds.csv",
                contents: CSVWriter.document(header: tables.roundColumns, rows: rounds.map { $0.map(\.csvField) }),
                rows: rounds.count),
            ExportDocument(name: "votes.json", contents: try json(voteObjects), rows: voteObjects.count),
            ExportDocument(name: "rounds.json", contents: try json(tables.roundJSONObjects), rows: rounds.count),
        ]
            + (try stageDocuments(
                ExportStageTables(stage: stage), ExportVoiceTables(voice: stage.voice, results: results)))
    }

    private static func stageDocuments(_ tables: ExportStageTables, _ voice: ExportVoiceTables) throws
        -> [ExportDocument]
    {
        let files: [(String, [String], [[ExportValue]])] = [
            ("timeline", ExportStageTables.timelineColumns, tables.timelineRows),
            ("route", ExportStageTables.routeColumns, tables.routeRows),
            ("notes", ExportStageTables.noteColumns, tables.noteRows),
            ("stops", ExportVoiceTables.stopColumns, voice.stopRows),
            ("proposals", ExportVoiceTables.proposalColumns, voice.proposalRows),
            ("moderation", ExportVoiceTables.moderationColumns, voice.moderationRows),
        ]
        return try files.flatMap { name, columns, rows in
            let objects = rows.map { Dictionary(uniqueKeysWithValues: zip(columns, $0)) }
            return [
                ExportDocument(
                    name: name + ".csv",
                    contents: CSVWriter.document(header: columns, rows: rows.map { $0.map(\.csvField) }),
                    rows: rows.count),
                ExportDocument(name: name + ".json", contents: try json(objects), rows: rows.count),
            ]
        }
    }

    /// A pretty-printed JSON array with sorted keys, ending in a newline.
    private static func json(_ objects: [[String: ExportValue]]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(objects), as: UTF8.self) + "\n"
    }
}
