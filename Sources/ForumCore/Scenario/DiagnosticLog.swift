/// Collects the diagnostics found in one file while it is parsed and checked, with the
/// file's lines at hand for looking at the characters around a mistake.
struct DiagnosticLog {
    /// The display path every diagnostic is reported against.
    let file: String
    /// The text of the file, line by line.
    let source: SourceLines
    /// Everything found so far, in the order it was found.
    private(set) var diagnostics: [Diagnostic] = []

    /// An empty log for `file`.
    init(file: SourceFile) {
        self.file = file.path
        source = SourceLines(text: file.text)
    }

    /// True once any error (not just a warning) has been reported.
    var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }

    /// Reports a mistake that refuses the file.
    mutating func error(_ message: String, at position: SourcePosition, hint: String? = nil) {
        report(.error, message, at: position, hint: hint)
    }

    /// Reports something worth fixing that still lets the file load.
    mutating func warning(_ message: String, at position: SourcePosition, hint: String? = nil) {
        report(.warning, message, at: position, hint: hint)
    }

    /// Adds a diagnostic made elsewhere, such as a YAML syntax error.
    mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Appends one diagnostic at `position`.
    private mutating func report(
        _ severity: Diagnostic.Severity, _ message: String, at position: SourcePosition, hint: String?
    ) {
        diagnostics.append(
            Diagnostic(
                file: file, line: position.line, column: position.column, severity: severity,
                message: message, hint: hint))
    }
}
