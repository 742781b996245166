/// Finds elements and reads start tags in the bytes of an HTML file, the small part of HTML
/// Twine's published files need: tags found case-insensitively, attributes in any order,
/// quoted with `"` or `'` or not at all, bare attributes (`hidden`) and unknown ones tolerated.
struct HTMLScanner {
    /// The file's bytes (UTF-8).
    let bytes: [UInt8]
    /// Where each line starts, for turning offsets into lines and columns.
    private let lineStarts: [Int]

    /// A scanner over `text`.
    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    /// One start tag: its attributes (names in lowercase, values decoded) and where it is.
    struct Tag {
        /// Offset of the `<`.
        var start: Int
        /// Offset just after the `>`.
        var end: Int
        var attributes: [String: String]
    }

    /// True when `text` has a `<name` tag, in any case.
    static func contains(_ name: String, in text: String) -> Bool {
        let pattern = Array(("<" + name).utf8)
        var utf8 = text.utf8[...]
        while let start = utf8.firstIndex(of: UInt8(ascii: "<")) {
            let candidate = utf8[start...].prefix(pattern.count)
            if candidate.count == pattern.count, zip(candidate, pattern).allSatisfy({ ($0 | 0x20) == $1 || $0 == $1 }) {
                return true
            }
            utf8 = utf8[utf8.index(after: start)...]
        }
        return false
    }

    /// The offset of the next `<name` (followed by a space, `>` or `/`) at or after `from`.
    func find(_ name: String, from: Int, before limit: Int? = nil) -> Int? {
        let pattern = Array(("<" + name).utf8)
        let end = min(limit ?? bytes.count, bytes.count)
        var index = from
        while index + pattern.count < end {
            if bytes[index] == UInt8(ascii: "<"), matches(pattern, at: index) {
                let after = bytes[index + pattern.count]
                if after == UInt8(ascii: ">") || after == UInt8(ascii: "/") || isSpace(after) {
                    return index
                }
            }
            index += 1
        }
        return nil
    }

    /// The start tag beginning at `start` (an offset found by ``find(_:from:before:)``), or
    /// nil when it never closes.
    func tag(at start: Int) -> Tag? {
        var index = start + 1
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") {
            index += 1
        }
        var attributes: [String: String] = [:]
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") {
                index += 1
            }
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ">") {
                return Tag(start: start, end: index + 1, attributes: attributes)
            }
            let nameStart = index
            while index < bytes.count, !isSpace(bytes[index]),
                ![UInt8(ascii: "="), UInt8(ascii: ">")].contains(bytes[index])
            {
                index += 1
            }
            let name = text(nameStart..<index).lowercased()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                attributes[name] = attributes[name] ?? ""
                continue
            }
            index += 1
            guard index < bytes.count else { return nil }
            let quote = bytes[index]
            var valueStart = index
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                valueStart += 1
                guard let close = bytes[valueStart...].firstIndex(of: quote) else { return nil }
                index = close + 1
                attributes[name] = attributes[name] ?? HTMLEntities.decoded(Substring(text(valueStart..<close)))
            } else {
                while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") {
                    index += 1
                }
                attributes[name] = attributes[name] ?? HTMLEntities.decoded(Substring(text(valueStart..<index)))
            }
        }
        return nil
    }

    /// The bytes in `range` as text.
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// The line and column (1-based, the column in Unicode scalars) of `offset`.
    func position(of offset: Int) -> SourcePosition {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let column = bytes[lineStarts[low]..<offset].filter { $0 & 0xC0 != 0x80 }.count + 1
        return SourcePosition(line: low + 1, column: column)
    }

    /// True when `pattern` (lowercase ASCII) is at `offset`, ignoring case.
    private func matches(_ pattern: [UInt8], at offset: Int) -> Bool {
        guard offset + pattern.count <= bytes.count else { return false }
        for (index, expected) in pattern.enumerated() {
            var byte = bytes[offset + index]
            if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) { byte += 32 }
            if byte != expected { return false }
        }
        return true
    }

    /// True for HTML's white space.
    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
