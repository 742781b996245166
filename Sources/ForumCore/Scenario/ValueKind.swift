import Yams

/// The three kinds of YAML value, named the way a story writer sees them.
enum ValueKind: Equatable {
    /// A single piece of text (or number).
    case text
    /// A list of entries, each starting with `- ` or written in `[ ]`.
    case list
    /// A group of `key: value` lines.
    case block

    /// The kind of `node`.
    init(_ node: Node) {
        switch node {
        case .mapping: self = .block
        case .sequence: self = .list
        case .scalar, .alias: self = .text
        }
    }

    /// How messages name the kind.
    var description: String {
        switch self {
        case .text: "a piece of text"
        case .list: "a list"
        case .block: "a group of `key: value` lines"
        }
    }

    /// How to write `key` as this kind when it was written as `found`.
    func hint(forKey key: String, found: ValueKind, value: Node) -> String {
        switch (self, found) {
        case (.text, .list):
            "`\(key)` holds one piece of text: remove the `- ` or the square brackets"
        case (.text, _):
            "if the text contains a colon followed by a space, put the whole text in double quotes, "
                + "or write `\(key): |` and the text on the lines below it, indented"
        case (.list, .text):
            "put each entry on its own line below `\(key):`, starting with `- `, or write the list "
                + "in square brackets: `\(key): [\(value.scalar?.string ?? "...")]`"
        case (.list, _):
            "start each entry of `\(key)` with `- ` (a dash and a space)"
        case (.block, _):
            "write `\(key):` alone on its line, then its keys on the lines below, indented"
        }
    }
}
