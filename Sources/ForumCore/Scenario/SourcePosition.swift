import Yams

/// A place in a file: 1-based line and column, the column counted in Unicode scalars.
struct SourcePosition: Sendable, Equatable, Comparable {
    var line: Int
    var column: Int

    /// The very start of a file.
    static let start = SourcePosition(line: 1, column: 1)

    /// The position of a YAML mark, or the start of the file when there is none.
    init(_ mark: Mark?) {
        self.init(line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    /// A position from its line and column.
    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Earlier in the file first.
    static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// A value read from a file, with where its key and the value itself were written.
struct Located<Value> {
    var value: Value
    /// Where the value starts.
    var position: SourcePosition
    /// Where the key that holds the value starts; the value's own position for list items.
    var keyPosition: SourcePosition

    /// A value at `position`, held by the key at `keyPosition` (the same place by default).
    init(_ value: Value, at position: SourcePosition, key keyPosition: SourcePosition? = nil) {
        self.value = value
        self.position = position
        self.keyPosition = keyPosition ?? position
    }
}

extension Located: Sendable where Value: Sendable {}
