extension Diagnostic {
    /// True for errors, which refuse a file; false for warnings.
    public var isError: Bool { severity == .error }

    /// Sorts by file, then line, then column, keeping the order found for equal places.
    public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated()
            .sorted { lhs, rhs in
                let left = (lhs.element.file, lhs.element.line, lhs.element.column, lhs.offset)
                let right = (rhs.element.file, rhs.element.line, rhs.element.column, rhs.offset)
                return left < right
            }
            .map(\.element)
    }
}
