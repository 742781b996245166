/// Forum ids made from Twine's names: `The Kitchen, 2am` becomes `the-kitchen-2am`.
public enum TwineSlug {
    /// The longest id made from a name; longer names are cut to this.
    static let maximumLength = 64

    /// A valid id close to `name`, or nil when nothing of it can be kept (`???`, or a name
    /// written only in a script other than Latin).
    public static func slug(_ name: String) -> String? {
        var result = ""
        for scalar in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if scalar.properties.isWhitespace || "-_.,:;/".unicodeScalars.contains(scalar) {
                if !result.isEmpty && !result.hasSuffix("-") { result += "-" }
            }
            if result.utf8.count >= maximumLength { break }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? nil : result
    }

    /// `slug(name)` (or `fallback`), made unique among `taken` with `-2`, `-3` … and added to it.
    public static func unique(_ name: String, fallback: String, taken: inout Set<String>) -> String {
        let base = slug(name) ?? fallback
        var candidate = base
        var number = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        taken.insert(candidate)
        return candidate
    }
}
