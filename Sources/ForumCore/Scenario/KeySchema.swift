/// The keys one kind of block in a scenario or event file may have, for spotting typos and
/// keys written in the wrong place.
struct KeySchema: Sendable {
    /// How messages name this kind of block, such as "a scene".
    var name: String
    /// Where a key of this block is written, for hints about misplaced keys.
    var place: String
    /// The keys this block may have, in the order the format lists them.
    var keys: [String]
    /// Words writers may use for a key of this block, such as `description` for `text`.
    var synonyms: [String: String] = [:]

    /// The top level of a story file.
    static let story = KeySchema(
        name: "a story", place: "at the top of the story file, not indented",
        keys: ["title", "summary", "authors", "language", "content_notes", "start", "scenes", "ifid"],
        synonyms: [
            "author": "authors", "credits": "authors", "warnings": "content_notes", "lang": "language",
            "description": "summary",
        ])
    /// One entry of `scenes`.
    static let scene = KeySchema(
        name: "a scene", place: "in a scene (an entry under `scenes:`)",
        keys: ["id", "title", "text", "image", "image_alt", "host_notes", "next", "decision"],
        synonyms: [
            "description": "text", "body": "text", "alt": "image_alt", "alt_text": "image_alt",
            "notes": "host_notes", "picture": "image", "photo": "image", "vote": "decision",
            "choice": "decision",
        ])
    /// A scene's `decision`.
    static let decision = KeySchema(
        name: "a decision", place: "inside a scene's `decision:`",
        keys: ["question", "options", "next"])
    /// One entry of a decision's `options`.
    static let option = KeySchema(
        name: "an option", place: "in an option (an entry under `options:`)",
        keys: ["id", "label", "next"],
        synonyms: ["text": "label", "title": "label", "name": "label", "choice": "label"])
    /// The top level of the event file.
    static let event = KeySchema(
        name: "the event file", place: "at the top of the event file",
        keys: ["title", "perspectives", "perspective_groups", "sessions", "support", "next_steps", "translations"],
        synonyms: [
            "helplines": "support", "contacts": "support", "what_next": "next_steps", "translation": "translations",
            "languages": "translations", "i18n": "translations", "groups": "perspective_groups",
        ])
    /// One language under `translations`.
    static let translation = KeySchema(
        name: "a translation", place: "in a translation (under a language tag in `translations:`)",
        keys: ["title", "next_steps", "perspectives", "sessions"],
        synonyms: ["what_next": "next_steps", "labels": "perspectives"])
    /// One entry of `perspectives`.
    static let perspective = KeySchema(
        name: "a perspective", place: "in a perspective (an entry under `perspectives:`)",
        keys: ["id", "label"],
        synonyms: ["text": "label", "title": "label", "name": "label"])
    /// One entry of `perspective_groups`.
    static let perspectiveGroup = KeySchema(
        name: "a group", place: "in a group (an entry under `perspective_groups:`)",
        keys: ["id", "label", "perspectives"],
        synonyms: ["name": "label", "title": "label", "members": "perspectives"])
    /// One entry of `sessions`.
    static let session = KeySchema(
        name: "a session", place: "in a session (an entry under `sessions:`)",
        keys: ["id", "title", "starts", "stories"],
        synonyms: ["start": "starts", "time": "starts", "name": "title"])
    /// One entry of `support`.
    static let supportLine = KeySchema(
        name: "a support line", place: "in a support line (an entry under `support:`)",
        keys: ["label", "number", "link", "when"],
        synonyms: [
            "phone": "number", "tel": "number", "telephone": "number", "url": "link", "website": "link",
            "web": "link", "name": "label", "title": "label", "hours": "when", "available": "when",
        ])

    /// The key of this block that `key` was most likely meant to be: a known synonym, or the
    /// closest key by spelling unless `key` is a key of another block of the file.
    func intendedKey(for key: String) -> String? {
        if let synonym = synonyms[key.lowercased()] { return synonym }
        if neighbours.contains(where: { $0.keys.contains(key) }) { return nil }
        return Suggestion.closest(to: key, among: keys)
    }

    /// The blocks of the same file, for saying where a misplaced key belongs.
    var neighbours: [KeySchema] {
        let storyFile: [KeySchema] = [.story, .scene, .decision, .option]
        let eventFile: [KeySchema] = [.event, .perspective, .perspectiveGroup, .session, .supportLine, .translation]
        return storyFile.contains { $0.name == name } ? storyFile : eventFile
    }

    /// The hint for a key this block does not have: the likely intended key, or where the key
    /// belongs, or the list of keys this block can have.
    func hint(forUnknownKey key: String) -> String {
        if let intended = intendedKey(for: key) {
            return "did you mean `\(intended)`?"
        }
        let places = neighbours.filter { $0.keys.contains(key) }.map(\.place)
        if !places.isEmpty {
            return "`\(key)` is not used here; it belongs " + places.joined(separator: " or ")
        }
        let elsewhere = neighbours.filter { $0.name != name }
        if let closest = Suggestion.closest(to: key, among: elsewhere.flatMap(\.keys)),
            let place = elsewhere.first(where: { $0.keys.contains(closest) })?.place
        {
            return "did you mean `\(closest)`? It belongs \(place)"
        }
        return "\(name) can have " + Suggestion.list(keys, limit: keys.count, conjunction: "or")
    }
}
