import ForumCore
import Foundation

/// An exported JSON file (`votes.json`, `rounds.json`) read with the protocol's one JSON
/// reader: its rows, each a ``JSONValue`` object with its keys in the file's order.
enum ExportJSON {
    struct NotRows: Error, CustomStringConvertible {
        var description: String
    }

    static func rows(_ file: URL) throws -> [JSONValue] {
        try rows(text: String(contentsOf: file, encoding: .utf8))
    }

    static func rows(text: String) throws -> [JSONValue] {
        guard let rows = JSONValue(parsing: Array(text.utf8))?.arrayValue else {
            throw NotRows(description: "not a JSON array: \(text.prefix(80))")
        }
        return rows
    }
}
