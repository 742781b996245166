import Yams

/// One YAML mapping (a block of `key: value` lines), read against the keys it may have.
///
/// Creating a reader reports every key the block may not have; the typed getters report
/// missing required keys and values of the wrong kind, so one pass finds every mistake.
struct MappingReader {
    /// The kind of block being read.
    let schema: KeySchema
    /// How messages name this block, such as "scene `kitchen`"; starts as "this scene".
    var subject: String
    /// Where the block starts (its first key, or its `{`).
    let position: SourcePosition
    private var entries: [String: Entry] = [:]
    /// Keys this block may have that an unknown key was probably meant to be, such as
    /// `title` for `tittle`: their absence is not reported a second time.
    private(set) var misspelt: Set<String> = []

    /// One `key: value` pair.
    private struct Entry {
        var key: SourcePosition
        var value: Node
    }

    /// Reads `node` as a block of `schema` keys, or reports that it is something else and
    /// returns nil.
    init?(_ node: Node, schema: KeySchema, log: inout DiagnosticLog, layoutHint: String) {
        self.schema = schema
        subject = "this " + schema.name.split(separator: " ").dropFirst().joined(separator: " ")
        position = SourcePosition(node.mark)
        guard case .mapping(let mapping) = node else {
            let found = Self.isNull(node) ? "this one is empty" : "this is " + ValueKind(node).description
            log.error(
                "\(schema.name) should be written as `key: value` lines, but \(found)", at: position,
                hint: layoutHint)
            return nil
        }
        let isFlow = log.source.character(at: position) == "{"
        for (key, value) in mapping {
            let keyPosition = SourcePosition(key.mark)
            guard case .scalar(let scalar) = key else {
                log.error(
                    "this key should be a single word", at: keyPosition, hint: schema.hint(forUnknownKey: ""))
                continue
            }
            guard schema.keys.contains(scalar.string) else {
                let splitByComma = isFlow && Self.isNull(value) && scalar.string.contains(" ")
                log.error(
                    "unknown key `\(scalar.string)`", at: keyPosition,
                    hint: splitByComma
                        ? "a comma inside `{ }` starts a new key; if this is part of the text before it, "
                            + "put that whole text in double quotes"
                        : schema.hint(forUnknownKey: scalar.string))
                if let intended = schema.intendedKey(for: scalar.string) {
                    misspelt.insert(intended)
                }
                continue
            }
            entries[scalar.string] = Entry(key: keyPosition, value: value)
        }
    }

    /// Where `key` is written, if the block has it (even with an empty value).
    func keyPosition(_ key: String) -> SourcePosition? {
        entries[key]?.key
    }

    /// True when the block gives `key` a value that is not empty.
    func hasValue(_ key: String) -> Bool {
        entries[key].map { !Self.isNull($0.value) } ?? false
    }

    /// The text under `key`. Nil when absent or empty; reported when it is not text, or when
    /// `required` (the hint for adding it) is given and the text is absent or blank.
    func text(_ key: String, required: String? = nil, log: inout DiagnosticLog) -> Located<String>? {
        guard let entry = value(key, required: required, log: &log) else { return nil }
        guard case .scalar(let scalar) = entry.value else {
            reportKind(key, entry, expected: .text, log: &log)
            return nil
        }
        let text = Self.trimmingTrailingSpace(scalar.string)
        if text.allSatisfy(\.isWhitespace) {
            if let required {
                log.error("the `\(key)` of \(subject) is empty", at: entry.key, hint: required)
            }
            return nil
        }
        return Located(text, at: SourcePosition(scalar.mark), key: entry.key)
    }

    /// The texts listed under `key`, such as `authors`. Nil when absent; reported when not a
    /// list of texts, or when `required` (the hint for adding it) is given and it is absent.
    func texts(_ key: String, required: String? = nil, log: inout DiagnosticLog) -> Located<
        [Located<String>]
    >? {
        guard let items = list(key, required: required, log: &log) else { return nil }
        var texts: [Located<String>] = []
        for item in items.value {
            let position = SourcePosition(item.mark)
            guard case .scalar(let scalar) = item, !Self.isNull(item) else {
                let kind = Self.isNull(item) ? "empty" : ValueKind(item).description
                log.error(
                    "each entry of `\(key)` should be a piece of text, but this one is \(kind)", at: position,
                    hint: "write one text per `- ` line, or remove the empty entry")
                continue
            }
            texts.append(Located(Self.trimmingTrailingSpace(scalar.string), at: position))
        }
        return Located(texts, at: items.position, key: items.keyPosition)
    }

    /// The entries listed under `key`, such as `scenes`. Nil when absent; reported when not a
    /// list, or when `required` (the hint for adding it) is given and the list is absent.
    func list(_ key: String, required: String? = nil, log: inout DiagnosticLog) -> Located<[Node]>? {
        guard let entry = value(key, required: required, log: &log) else { return nil }
        guard case .sequence(let sequence) = entry.value else {
            reportKind(key, entry, expected: .list, log: &log)
            return nil
        }
        return Located(Array(sequence), at: SourcePosition(sequence.mark), key: entry.key)
    }

    /// The block of keys under `key`, such as `decision`; reported when it is something else.
    func block(_ key: String, log: inout DiagnosticLog) -> Located<Node>? {
        guard let entry = value(key, required: nil, log: &log) else { return nil }
        guard case .mapping = entry.value else {
            reportKind(key, entry, expected: .block, log: &log)
            return nil
        }
        return Located(entry.value, at: SourcePosition(entry.value.mark), key: entry.key)
    }

    /// The non-empty value under `key`, reporting a required key that is absent or empty.
    private func value(_ key: String, required: String?, log: inout DiagnosticLog) -> Entry? {
        guard let entry = entries[key], !Self.isNull(entry.value) else {
            if let required, !misspelt.contains(key) {
                if let written = entries[key] {
                    log.error("the `\(key)` of \(subject) is empty", at: written.key, hint: required)
                } else {
                    log.error("\(subject) has no `\(key)`", at: position, hint: required)
                }
            }
            return nil
        }
        return entry
    }

    /// Reports that `key` holds a value of another kind than `expected`.
    private func reportKind(
        _ key: String, _ entry: Entry, expected: ValueKind, log: inout DiagnosticLog
    ) {
        let found = ValueKind(entry.value)
        log.error(
            "`\(key)` should be \(expected.description), but here it is \(found.description)",
            at: entry.key,
            hint: expected.hint(forKey: key, found: found, value: entry.value))
    }

    /// True for a value left empty, or written as `~` or `null`.
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The text without the line breaks and spaces a `|` block leaves at its end.
    static func trimmingTrailingSpace(_ text: String) -> String {
        var text = text
        while let last = text.last, last.isWhitespace {
            text.removeLast()
        }
        return text
    }
}
