import ForumCore
import Foundation

/// One field of a CSV row: text is quoted and defused as needed; numbers are written as is.
public enum CSVField: Sendable, Equatable {
    /// Text, possibly community-written: quoted when needed and defused against formulas.
    case text(String)
    /// A number the export computed (never defused: `-1` stays a number).
    case number(Int)
    /// No value (an empty field).
    case empty
}

/// Writes CSV per RFC 4180, for spreadsheets.
///
/// - Fields containing a comma, a double quote, CR or LF are quoted; quotes are doubled.
/// - Lines end in CRLF, the header line included, and the last line too.
/// - Formula injection is defused: a text field starting with `=`, `+`, `-`, `@`, a tab or
///   a CR gets a leading apostrophe, so a spreadsheet shows it as text instead of running
///   it. The exported text is community-written; it is data, never a formula.
/// - Control characters are cleaned out of text (line breaks become LF inside quotes, tabs
///   spaces, the rest go): an escape
///   sequence in a story must not recolour or rewrite the terminal of someone who runs
///   `cat votes.csv`, nor hide text in a spreadsheet.
/// - The document starts with a UTF-8 byte-order mark: Excel otherwise reads UTF-8 as a
///   legacy code page and garbles any non-ASCII text (curly quotes, accents).
public enum CSVWriter {
    /// The UTF-8 byte-order mark that starts every document.
    public static let byteOrderMark = "\u{FEFF}"

    /// A whole document: the byte-order mark, the header line, then one line per row.
    public static func document(header: [String], rows: [[CSVField]]) -> String {
        var text = byteOrderMark
        text += line(header.map(CSVField.text))
        for row in rows {
            text += line(row)
        }
        return text
    }

    /// One line, CRLF included.
    public static func line(_ fields: [CSVField]) -> String {
        fields.map(encode).joined(separator: ",") + "\r\n"
    }

    /// One field as it appears in the file.
    public static func encode(_ field: CSVField) -> String {
        switch field {
        case .empty: ""
        case .number(let value): String(value)
        case .text(let text): quoted(defused(ControlCharacters.cleaned(text)))
        }
    }

    /// `text` with a leading apostrophe if a spreadsheet would take it for a formula (leading
    /// spaces are passed over: some spreadsheets trim them on import).
    public static func defused(_ text: String) -> String {
        guard let first = text.unicodeScalars.first(where: { $0 != " " }), formulaStarts.contains(first) else {
            return text
        }
        return "'" + text
    }

    /// `text` quoted (quotes doubled) if it contains a comma, a quote, CR or LF.
    public static func quoted(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: mustQuote.contains) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]
    private static let mustQuote: Set<Unicode.Scalar> = [",", "\"", "\r", "\n"]
}
