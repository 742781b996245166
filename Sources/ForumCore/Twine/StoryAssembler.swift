/// Turns the passages of a Twine story into a Forum story: a passage becomes a scene, its
/// links the scene's `next` or decision, and `ForumData` gives back what Forum had.
struct StoryAssembler {
    /// The text of a scene Forum adds for a link to a passage that does not exist.
    static let placeholder = "This part of the story is not written yet."

    /// The assembled story and, for each scene id, where its passage (or the link that made
    /// it) is in the file.
    struct Assembled {
        var story: Story
        var origins: [String: SourcePosition]
    }

    let passages: [TwinePassage]
    let forum: ForumData
    /// The first passage of each name: links lead there.
    private(set) var firstByName: [String: Int] = [:]
    /// The scene id of each passage.
    private(set) var ids: [String] = []
    private var taken: Set<String> = []
    /// Scenes added for links to missing passages, by the link's target.
    private var placeholders: [String: Scene] = [:]
    private var placeholderOrder: [String] = []
    private(set) var origins: [String: SourcePosition] = [:]

    /// An assembler for the scene passages of `special`, reporting to `log`.
    init(_ special: SpecialPassages, log: inout DiagnosticLog) {
        passages = special.passages
        forum = special.forumData ?? ForumData()
        for (index, passage) in passages.enumerated() {
            if let first = firstByName[passage.name] {
                log.warning(
                    "a second passage is called `\(passage.name)`; links lead to the first one, on line "
                        + "\(passages[first].origin.headerLine)",
                    at: passage.origin.header, hint: "give each passage a name of its own in Twine")
            } else {
                firstByName[passage.name] = index
            }
        }
        for name in forum.passages.keys.sorted() where firstByName[name] == nil {
            log.warning(
                "`ForumData` has details for a passage called `\(name)`, which the story no longer has",
                at: special.forumDataPosition,
                hint: "a passage renamed in Twine loses its Forum details (id, host notes, image); add them again")
        }
        assignIDs()
    }

    /// Gives every passage a unique id: the one `ForumData` kept, else a slug of its name.
    private mutating func assignIDs() {
        var chosen = [String?](repeating: nil, count: passages.count)
        for (index, passage) in passages.enumerated() where firstByName[passage.name] == index {
            if let id = forum.passages[passage.name]?.id, Identifier.isValid(id), !taken.contains(id) {
                chosen[index] = id
                taken.insert(id)
            }
        }
        ids = passages.enumerated().map { index, passage in
            chosen[index] ?? TwineSlug.unique(passage.name, fallback: "passage-\(index + 1)", taken: &taken)
        }
    }

    /// Every scene, in passage order, then the scenes added for missing passages.
    mutating func scenes(log: inout DiagnosticLog) -> [Scene] {
        var scenes: [Scene] = []
        for index in passages.indices {
            scenes.append(scene(index, log: &log))
            origins[ids[index]] = passages[index].origin.header
        }
        return scenes + placeholderOrder.compactMap { placeholders[$0] }
    }

    /// The scene of passage `index`.
    private mutating func scene(_ index: Int, log: inout DiagnosticLog) -> Scene {
        let passage = passages[index]
        let part = firstByName[passage.name] == index ? forum.passages[passage.name] : nil
        let unchanged = part?.checksum == TwineText.checksum(passage.text)
        var quiet = DiagnosticLog(file: SourceFile(path: "", text: ""))
        let mapped = unchanged ? PassageMapper.map(passage, log: &quiet) : PassageMapper.map(passage, log: &log)
        if let part, !unchanged, part.text != nil || part.route != nil {
            log.warning(
                "passage `\(passage.name)` was changed after Forum exported it; its text and links are read as "
                    + "Twine has them now",
                at: passage.origin.header, hint: "check the scene's text and decision in the story file")
        }
        let cleaned = clean(passage, log: &log)
        var text = cleaned(unchanged ? part?.text ?? mapped.text : mapped.text)
        if text.allSatisfy(\.isWhitespace) {
            log.warning(
                "passage `\(passage.name)` has no text; Forum shows “\(Self.placeholder)”", at: passage.origin.header,
                hint: "write what happens in this passage")
            text = Self.placeholder
        }
        let id = ids[index]
        let name = cleaned(passage.name)
        var scene = Scene(
            id: id, title: part?.title.map { $0.isEmpty ? nil : $0 } ?? (name != id && !name.isEmpty ? name : nil),
            text: text,
            image: part?.image,
            imageAlt: part?.imageAlt, hostNotes: part?.hostNotes)
        if unchanged, let route = part?.route, leadsToKnownScenes(route) {
            scene.next = route.next
            scene.decision = route.decision
            return scene
        }
        let targets = mapped.links.map { destination(of: $0, from: passage, log: &log) }
        if mapped.links.count == 1 {
            scene.next = targets[0]
        } else if mapped.links.count > 1 {
            scene.decision = Self.decision(
                mapped, labels: mapped.links.map { cleaned($0.value.label) }, targets: targets,
                kept: part?.optionIds, clean: cleaned)
        }
        return scene
    }

    /// The decision of a passage with several links: option ids kept from `ForumData` where
    /// they fit, else made from the labels.
    static func decision(
        _ mapped: MappedPassage, labels: [String], targets: [String], kept: [String: String]?,
        clean: (String) -> String
    ) -> Decision {
        var taken: Set<String> = []
        let options = zip(labels, targets).enumerated().map { number, pair in
            let label = pair.0.isEmpty ? "Option \(number + 1)" : pair.0
            let target = pair.1
            if let id = kept?[label], Identifier.isValid(id), taken.insert(id).inserted {
                return Option(id: id, label: label, next: target)
            }
            return Option(
                id: TwineSlug.unique(label, fallback: "option-\(number + 1)", taken: &taken), label: label, next: target
            )
        }
        let question = clean(mapped.question ?? PassageMapper.defaultQuestion)
        return Decision(question: question.isEmpty ? PassageMapper.defaultQuestion : question, options: options)
    }

    /// A function cleaning control characters out of the passage's texts, warning once.
    private func clean(_ passage: TwinePassage, log: inout DiagnosticLog) -> (String) -> String {
        let all = [passage.name, passage.text].joined()
        if TwineText.cleaned(all).removed {
            log.warning(
                "passage `\(passage.name)` contains invisible control characters; Forum leaves them out",
                at: passage.origin.header, hint: "they usually come from copying text out of another program")
        }
        return Self.cleanText
    }

    /// `text` without control characters (other than line feeds and tabs) and trailing space.
    static func cleanText(_ text: String) -> String {
        TwineText.trailingSpaceTrimmed(TwineText.cleaned(text).text)
    }

    /// True when every scene `route` names is one of the passages' scenes.
    private func leadsToKnownScenes(_ route: ForumData.Route) -> Bool {
        let known = Set(ids)
        let named =
            [route.next, route.decision?.next].compactMap { $0 } + (route.decision?.options.compactMap(\.next) ?? [])
        return named.allSatisfy(known.contains) && (route.next == nil || route.decision == nil)
    }

    /// The scene a link leads to: its passage's, or a short scene added for a missing one.
    private mutating func destination(
        of link: Located<TwineLink>, from passage: TwinePassage, log: inout DiagnosticLog
    ) -> String {
        let target = link.value.target
        if let index = firstByName[target] ?? firstByName[TwineText.trimmedBothEnds(target)] {
            return ids[index]
        }
        var hint = "write the passage `\(target)` in Twine, or correct the link"
        if let closest = Suggestion.closest(to: target, among: passages.map(\.name)) {
            hint = "did you mean `\(closest)`? Otherwise " + hint
        }
        log.warning(
            "passage `\(passage.name)` links to `\(target)`, but no passage has that name; Forum adds a short "
                + "scene saying this part is not written yet",
            at: link.position, hint: hint)
        if let scene = placeholders[target] { return scene.id }
        let id = TwineSlug.unique(target, fallback: "not-written-yet", taken: &taken)
        let title = TwineText.trailingSpaceTrimmed(TwineText.cleaned(target).text)
        placeholders[target] = Scene(id: id, title: title != id && !title.isEmpty ? title : nil, text: Self.placeholder)
        placeholderOrder.append(target)
        origins[id] = link.position
        return id
    }

    /// The index of the start passage: the one the file names, else `Start`, else the first.
    func startIndex(named start: String?, at position: SourcePosition, log: inout DiagnosticLog) -> Int {
        if let start, let index = firstByName[start] { return index }
        if start == nil, let index = firstByName["Start"] { return index }
        let fallback = firstByName["Start"] ?? 0
        let message =
            start.map { "the story starts at a passage called `\($0)`, but it has no such passage" }
            ?? "the story does not say which passage it starts at"
        log.warning(
            message + "; Forum starts at `\(passages[fallback].name)`", at: position,
            hint: "set the start passage in Twine (Story > Details), or change `start:` in the story file")
        return fallback
    }
}
