/// The rule for ids of scenes, options, stories, sessions and perspectives: lowercase
/// letters `a` to `z`, digits and `-`, at most ``maximumLength`` of them.
enum Identifier {
    /// The longest id: the longest field the live protocol accepts, since phones send option
    /// and round ids back with each vote (an option with a longer id could never be voted for).
    static let maximumLength = ClientMessageDecoder.maximumFieldLength

    /// True when `id` is not empty, not too long and uses only lowercase letters, digits and `-`.
    static func isValid(_ id: String) -> Bool {
        !id.isEmpty && !isTooLong(id) && id.unicodeScalars.allSatisfy(isAllowed)
    }

    /// True when `id` is longer than ``maximumLength``.
    static func isTooLong(_ id: String) -> Bool {
        id.utf8.count > maximumLength
    }

    /// A valid id close to `id`, such as `the-call` for `The Call`, or nil when nothing of
    /// it can be kept.
    static func suggestion(for id: String) -> String? {
        var result = ""
        for scalar in id.lowercased().unicodeScalars {
            if isAllowed(scalar) && scalar != "-" {
                result.unicodeScalars.append(scalar)
            } else if scalar == "-" || scalar == " " || scalar == "_" || scalar == "." {
                if !result.isEmpty && !result.hasSuffix("-") {
                    result += "-"
                }
            }
        }
        while result.hasSuffix("-") {
            result.removeLast()
        }
        return result.isEmpty || result == id ? nil : result
    }

    /// What to tell a writer about an id that breaks the rule.
    static func hint(for id: String) -> String {
        let rule = "use only lowercase letters (a-z), digits and `-`, with no spaces"
        guard let better = suggestion(for: id) else { return rule }
        return "\(rule), for example `\(better)`"
    }

    /// True for `a`-`z`, `0`-`9` and `-`.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
    }
}
