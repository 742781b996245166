/// Small text rules shared by the Twine readers and writers.
enum TwineText {
    /// The lines of `text`, split at line feeds, each without a carriage return at its end.
    static func lines(_ text: String) -> [String] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var scalars = String.UnicodeScalarView(line)
            if scalars.last == "\r" { scalars.removeLast() }
            return String(scalars)
        }
    }

    /// `text` without leading blank lines and without trailing white space (Twee 3: trailing
    /// blank lines are ignored; Forum drops trailing spaces too); `origin` is moved to the
    /// first line kept.
    static func trimmed(_ text: String, origin: inout TextOrigin) -> String {
        var lines = lines(text)
        var dropped = 0
        while lines.count > 1, let first = lines.first, first.allSatisfy(\.isWhitespace) {
            lines.removeFirst()
            dropped += 1
        }
        if dropped > 0 {
            origin.textLine += dropped
            origin.textColumn = 1
            origin.shifts = Dictionary(
                uniqueKeysWithValues: origin.shifts.compactMap {
                    $0.key >= dropped ? ($0.key - dropped, $0.value) : nil
                })
        }
        return trailingSpaceTrimmed(lines.joined(separator: "\n"))
    }

    /// `text` without white space at its end, as Forum's checker reads every text.
    static func trailingSpaceTrimmed(_ text: String) -> String {
        MappingReader.trimmingTrailingSpace(text)
    }

    /// `text` with its white space at both ends removed.
    static func trimmedBothEnds(_ text: String) -> String {
        String(trailingSpaceTrimmed(text).drop(while: \.isWhitespace))
    }

    /// `text` with CRLF and lone CRs as line feeds and control characters other than line
    /// feeds and tabs removed; `removed` tells whether anything was taken out.
    static func cleaned(_ text: String) -> (text: String, removed: Bool) {
        guard text.unicodeScalars.contains(where: { ControlCharacters.isControl($0) && $0 != "\n" && $0 != "\t" })
        else { return (text, false) }
        var scalars = String.UnicodeScalarView()
        var removed = false
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\n" where afterCR: continue
            case "\n", "\t": scalars.append(scalar)
            case "\r": scalars.append("\n")
            case _ where ControlCharacters.isControl(scalar): removed = true
            default: scalars.append(scalar)
            }
        }
        return (String(scalars), removed)
    }

    /// A 64-bit FNV-1a checksum of `text`'s UTF-8, as 16 hex digits: tells whether a passage
    /// is still exactly as Forum wrote it.
    static func checksum(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
