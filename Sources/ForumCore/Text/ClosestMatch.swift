/// Finds the known id closest to a misspelt one, for "did you mean" hints in the show's
/// errors and the host console (the same rule as the story checker's hints).
public enum ClosestMatch {
    /// The candidate nearest to `word`, if it is near enough to be a plausible typo.
    public static func best(for word: String, among candidates: [String]) -> String? {
        Suggestion.closest(to: word, among: candidates)
    }
}
