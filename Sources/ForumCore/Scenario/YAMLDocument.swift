import Yams

/// Reads a file's YAML into a node tree that keeps line and column of every value.
enum YAMLDocument {
    /// The root node of `file`, or nil when the file holds no YAML value (an empty file or
    /// only comments) or cannot be read; a syntax error is reported to `log`.
    static func root(of file: SourceFile, log: inout DiagnosticLog) -> Node? {
        do {
            return try Yams.compose(yaml: file.text)
        } catch let error as YamlError {
            log.append(YAMLSyntaxError.diagnostic(for: error, in: file, source: log.source))
            return nil
        } catch {
            log.error(
                "the file could not be read as YAML: \(error)", at: .start,
                hint: YAMLSyntaxError.generalHint)
            return nil
        }
    }
}
