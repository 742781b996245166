/// One problem found in a scenario or event file, located by file, line and column.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// Errors refuse the file; warnings let it load.
    public enum Severity: String, Sendable, Equatable {
        case error
        case warning
    }

    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int
    public var severity: Severity
    public var message: String
    /// How to fix it, such as the closest existing id for a misspelt one.
    public var hint: String?

    public init(
        file: String, line: Int, column: Int, severity: Severity, message: String, hint: String? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: error: message`, then `  hint: …` on a second line when there is one.
    public var description: String {
        let head = "\(file):\(line):\(column): \(severity.rawValue): \(message)"
        guard let hint else { return head }
        return head + "\n  hint: " + hint
    }
}
