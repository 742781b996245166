import Yams

/// Reads and checks the event file's `translations`: one block per language tag, each with
/// any of `title`, `next_steps`, `perspectives` (id: label) and `sessions` (id: title).
enum EventTranslations {
    /// The translations by language tag, or nil when the file has none.
    static func read(
        _ event: MappingReader, perspectives: [Perspective], sessions: [ProgrammeSession],
        log: inout DiagnosticLog
    ) -> [String: EventTranslation]? {
        guard let block = event.block("translations", log: &log), case .mapping(let languages) = block.value else {
            return nil
        }
        var translations: [String: EventTranslation] = [:]
        for (key, node) in languages {
            let position = SourcePosition(key.mark)
            guard case .scalar(let tag) = key, StoryRules.isLanguageTag(tag.string) else {
                log.error(
                    "`\(key.string ?? "")` is not a language tag", at: position,
                    hint: "name each translation by its language tag, such as `cy` (Welsh) or `ar` (Arabic)")
                continue
            }
            guard
                var reader = MappingReader(
                    node, schema: .translation, log: &log,
                    layoutHint: "under the language tag, write `title:`, `next_steps:`, `perspectives:` "
                        + "and `sessions:` with the words in that language")
            else { continue }
            reader.subject = "the `\(tag.string)` translation"
            var translation = EventTranslation(
                title: reader.text("title", log: &log)?.value, nextSteps: reader.text("next_steps", log: &log)?.value)
            translation.perspectives = texts(
                reader, key: "perspectives", known: perspectives.map(\.id), kind: "perspective", log: &log)
            translation.sessions = texts(reader, key: "sessions", known: sessions.map(\.id), kind: "session", log: &log)
            translations[tag.string] = translation
        }
        return translations
    }

    /// An `id: text` block naming known ids; unknown ids and non-text values are reported.
    private static func texts(
        _ reader: MappingReader, key: String, known: [String], kind: String, log: inout DiagnosticLog
    ) -> [String: String] {
        guard let block = reader.block(key, log: &log), case .mapping(let mapping) = block.value else { return [:] }
        var texts: [String: String] = [:]
        for (idNode, value) in mapping {
            let position = SourcePosition(idNode.mark)
            let id = idNode.string ?? ""
            guard known.contains(id) else {
                var hint = "translate only the \(kind)s the event file lists"
                if let closest = Suggestion.closest(to: id, among: known) { hint = "did you mean `\(closest)`?" }
                log.error("the event has no \(kind) `\(id)` to translate", at: position, hint: hint)
                continue
            }
            guard case .scalar(let text) = value, !MappingReader.isNull(value) else {
                log.error(
                    "the translation of \(kind) `\(id)` should be a piece of text", at: SourcePosition(value.mark),
                    hint: "write it on the same line, such as `police: Heddlu`")
                continue
            }
            texts[id] = MappingReader.trimmingTrailingSpace(text.string)
        }
        return texts
    }
}
