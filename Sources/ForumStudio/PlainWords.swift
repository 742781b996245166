import ForumCore

/// The checker's findings said for writers who have never seen a story file: no keys, no
/// ids, the words of the editor's fields.
enum PlainWords {
    static func message(for diagnostic: Diagnostic, at place: FieldPlaces.Place) -> String {
        let text = diagnostic.message
        if text.contains("but no scene has that id") {
            return place.option != nil
                ? "This option leads to a scene that does not exist yet."
                : "This leads to a scene that does not exist yet."
        }
        if text.contains("is empty") || text.contains("has no `") {
            switch place.field {
            case "text": return "This scene has no text yet: write what happens."
            case "label": return "This option has no words yet: write what the audience can choose."
            case "question": return "Write the question the audience is asked."
            case "title": return "Give the story a title."
            default: break
            }
        }
        if text.contains("needs at least") {
            return "A decision needs at least 2 options: add another, or remove the decision."
        }
        if text.contains("at most 8 options") { return "A decision can have at most 8 options." }
        if text.contains("cannot be reached from the start") {
            return "No scene leads here yet: choose it in an option of another scene, or delete it."
        }
        if text.contains("no ending that can be reached") {
            return "Every path goes round in a circle: the story needs a scene that ends it."
        }
        if text.contains("but no `image_alt`") {
            return "Describe the picture in a few words, for people who cannot see it."
        }
        if text.contains("characters long; more than") {
            return "This text is long for a phone: shorten it, or split the scene in two."
        }
        if text.contains("two options with the id") || text.contains("two scenes with the id") {
            return "Two of these have the same name: give each its own."
        }
        return text.replacingOccurrences(of: "`", with: "")
    }
}
