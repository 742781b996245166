import Foundation

/// Word wrapping for panels.
public enum TextWrap {
    /// `text` broken into lines of at most `width` columns. Paragraphs (separated by a blank
    /// line) are reflowed, as story files wrap their lines anywhere; a blank line stays
    /// between paragraphs, and a line starting with `- ` or `* ` starts a new line. Words
    /// longer than a line are cut.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for (index, paragraph) in paragraphs(text).enumerated() {
            if index > 0 { result.append("") }
            for block in paragraph { result += wrap(block, width: width) }
        }
        return result
    }

    /// The same lines without the blank ones between paragraphs (for tight panels).
    public static func compactLines(_ text: String, width: Int) -> [String] {
        lines(text, width: width).filter { !$0.isEmpty }
    }

    /// Paragraphs, each a list of blocks (a block is reflowed as one line).
    private static func paragraphs(_ text: String) -> [[String]] {
        var paragraphs: [[String]] = []
        var current: [String] = []
        for raw in text.replacingOccurrences(of: "\r", with: "").components(separatedBy: "\n") {
            let line = TextWidth.sanitize(raw).trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                if !current.isEmpty { paragraphs.append(current) }
                current = []
            } else if current.isEmpty || line.hasPrefix("- ") || line.hasPrefix("* ") {
                current.append(line)
            } else {
                current[current.count - 1] += " " + line
            }
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
    }

    private static func wrap(_ block: String, width: Int) -> [String] {
        var result: [String] = []
        var line = ""
        for var word in block.split(separator: " ").map(String.init) {
            while TextWidth.of(word) > width {
                if !line.isEmpty {
                    result.append(line)
                    line = ""
                }
                let head = TextWidth.prefix(word, width: width)
                result.append(head)
                word.removeFirst(head.count)
            }
            if line.isEmpty {
                line = word
            } else if TextWidth.of(line) + 1 + TextWidth.of(word) <= width {
                line += " " + word
            } else {
                result.append(line)
                line = word
            }
        }
        if !line.isEmpty { result.append(line) }
        return result
    }
}
