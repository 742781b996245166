/// Decodes the two hot client messages, `vote` and `ping`, straight from the bytes, without
/// building a ``JSONValue`` (the full decoder, ``ClientMessageDecoder/decodeFully(_:)``, reads
/// every other message through ``JSONParser``).
///
/// It takes only the plainest form: one flat JSON object whose members are all strings of
/// printable ASCII with no escapes, each key once. Anything else (another type, a number, an
/// escape, a missing or too long field, a duplicate key, bytes after the object) returns nil
/// and goes to the full decoder, which gives the same answer or the right error: the quick
/// path never decides an error itself.
enum QuickMessageScanner {
    /// The message and its `ref`, or nil to let the full decoder decide.
    static func decode(_ bytes: some Collection<UInt8>) -> (ClientMessage, ref: String?)? {
        bytes.withContiguousStorageIfAvailable { scan($0) } ?? nil
    }

    private static let quote = UInt8(ascii: "\"")

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (ClientMessage, ref: String?)? {
        var index = 0
        func skipSpace() {
            while index < bytes.count,
                bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D
                    || bytes[index] == 0x09
            {
                index += 1
            }
        }
        func expect(_ byte: UInt8) -> Bool {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        /// A string of printable ASCII without escapes, as a slice of the input.
        func string() -> Range<Int>? {
            guard expect(quote) else { return nil }
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == quote {
                    index += 1
                    return start..<(index - 1)
                }
                guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
                index += 1
            }
            return nil
        }
        func equals(_ range: Range<Int>, _ text: StaticString) -> Bool {
            guard range.count == text.utf8CodeUnitCount else { return false }
            let literal = text.utf8Start
            for offset in 0..<range.count where bytes[range.lowerBound + offset] != literal[offset] { return false }
            return true
        }
        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        guard expect(UInt8(ascii: "{")) else { return nil }
        var type: Range<Int>?
        var decision: Range<Int>?
        var option: Range<Int>?
        var ref: Range<Int>?
        var others: [Range<Int>] = []
        var first = true
        while true {
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                break
            }
            if !first, !expect(UInt8(ascii: ",")) { return nil }
            first = false
            guard let key = string(), expect(UInt8(ascii: ":")), let value = string() else { return nil }
            if equals(key, "type") {
                guard type == nil else { return nil }
                type = value
            } else if equals(key, "decision") {
                guard decision == nil else { return nil }
                decision = value
            } else if equals(key, "option") {
                guard option == nil else { return nil }
                option = value
            } else if equals(key, "ref") {
                guard ref == nil else { return nil }
                ref = value
            } else {
                // Other members are ignored, as the full decoder does, but never twice.
                guard !others.contains(where: { bytes[$0].elementsEqual(bytes[key]) }) else { return nil }
                others.append(key)
            }
        }
        skipSpace()
        guard index == bytes.count, let type else { return nil }
        let refText = ref.map(text)
        if equals(type, "ping") { return (.ping, refText) }
        guard equals(type, "vote"), let decision, let option,
            decision.count <= ClientMessageDecoder.maximumFieldLength,
            option.count <= ClientMessageDecoder.maximumFieldLength
        else { return nil }
        return (.vote(decision: text(decision), option: text(option)), refText)
    }
}
