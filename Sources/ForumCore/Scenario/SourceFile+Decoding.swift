extension SourceFile {
    /// A file that is not UTF-8 text, with the diagnostic that says where it stops being so.
    public struct NotUTF8: Error, Sendable, Equatable {
        /// Points at the first character that cannot be read.
        public var diagnostic: Diagnostic
    }

    /// Decodes the raw bytes of a file as UTF-8, or explains where the file stops being UTF-8.
    ///
    /// A leading byte-order mark is dropped. The error points at the first byte that is not
    /// UTF-8, so a story writer can find the stray character their editor saved.
    public static func decoding(path: String, bytes: [UInt8]) -> Result<SourceFile, NotUTF8> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3)
        }
        var iterator = body.makeIterator()
        var decoder = UTF8()
        var text = String.UnicodeScalarView()
        var line = 1
        var column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                text.append(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return .success(SourceFile(path: path, text: String(text)))
            case .error:
                let diagnostic = Diagnostic(
                    file: path, line: line, column: column, severity: .error,
                    message: "the file is not saved as UTF-8 text: this character cannot be read",
                    hint: "save the file again with the encoding set to UTF-8 in your editor")
                return .failure(NotUTF8(diagnostic: diagnostic))
            }
        }
    }
}
