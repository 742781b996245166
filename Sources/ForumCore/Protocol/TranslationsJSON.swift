extension ServerMessages {
    /// The event's `translations` as the welcome carries them: language tag → the words
    /// given (`title`, `next_steps`, `perspectives` id → label, `sessions` id → title).
    static func translationsJSON(_ translations: [String: EventTranslation]) -> JSONValue {
        func map(_ texts: [String: String]) -> JSONValue {
            .object(texts.keys.sorted().map { ($0, .string(texts[$0]!)) })
        }
        return .object(
            translations.keys.sorted().map { tag in
                let translation = translations[tag]!
                return (
                    tag,
                    .object([
                        ("title", .string(translation.title)), ("next_steps", .string(translation.nextSteps)),
                        ("perspectives", map(translation.perspectives)), ("sessions", map(translation.sessions)),
                    ])
                )
            })
    }
}
