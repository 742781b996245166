/// Finds the closest known word for a misspelt one, for "did you mean" hints.
enum Suggestion {
    /// The candidate closest to `word`, or nil when none is close enough to be a likely typo.
    ///
    /// Closeness is the edit distance ignoring case, where swapping two neighbouring letters
    /// counts as one edit. Up to a third of the word's letters may differ (at least one, at
    /// most three), and the two must have something in common (`c` does not suggest `a`);
    /// ties go to the candidate listed first.
    static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let allowed = max(1, min(3, word.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            let shares = distance < max(word.count, candidate.count)
            if shares, distance <= allowed, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps
    /// of neighbouring characters each count as one edit.
    static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let left = Array(lhs)
        let right = Array(rhs)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var beforePrevious = [Int](repeating: 0, count: right.count + 1)
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let cost = left[i - 1] == right[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
                    value = min(value, beforePrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[right.count]
    }

    /// Names in backticks, joined for a hint: "`a`, `b` and `c`", eliding beyond `limit`.
    static func list(_ names: [String], limit: Int = 10, conjunction: String = "and") -> String {
        let quoted = names.prefix(limit).map { "`\($0)`" }
        let more = names.count > limit ? ["\(names.count - limit) more"] : []
        let all = quoted + more
        guard all.count > 1 else { return all.first ?? "" }
        return all.dropLast().joined(separator: ", ") + " \(conjunction) " + all[all.count - 1]
    }
}
