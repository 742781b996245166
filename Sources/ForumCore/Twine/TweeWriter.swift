/// Writes a Forum story as Twee 3, for Twine: `StoryTitle`, `StoryData` (IFID, start passage,
/// a story format), one passage per scene (links for `next` and the options, the question
/// above them, tagged `decision`), and `ForumData` with what Twine has no place for.
public enum TweeWriter {
    /// The story format named in `StoryData`: Twine's default.
    static let format = ("Harlowe", "3.3.9")

    /// The Twee 3 text of `story`; `newIFID` makes the IFID when the story has none.
    public static func twee(_ story: Story, newIFID: () -> String) -> String {
        let names = TweePassageNames.names(for: story)
        let nameOf = Dictionary(zip(story.scenes.map(\.id), names), uniquingKeysWith: { first, _ in first })
        let idOf = Dictionary(zip(names, story.scenes.map(\.id)), uniquingKeysWith: { first, _ in first })
        var forum = ForumData()
        forum.story = ForumData.StoryPart(
            id: story.id, summary: story.summary, authors: story.authors.isEmpty ? nil : story.authors,
            language: story.language, contentNotes: story.contentNotes.isEmpty ? nil : story.contentNotes)
        var passages: [String] = []
        for (index, scene) in story.scenes.enumerated() {
            let tags = scene.decision == nil ? [] : [PassageMapper.decisionTag]
            let body = self.body(of: scene, nameOf: nameOf)
            forum.passages[names[index]] = details(
                of: scene, passage: TwinePassage(name: names[index], tags: tags, text: body, origin: origin), idOf: idOf
            )
            passages.append(header(names[index], tags: tags, index: index) + "\n" + escaped(body))
        }
        let data = StoryData(
            ifid: story.ifid ?? newIFID(), format: format.0, formatVersion: format.1,
            start: nameOf[story.start] ?? names.first ?? story.start)
        let head = [":: StoryTitle\n" + escaped(story.title), ":: StoryData\n" + TwineJSON.encode(data)]
        let tail = header(ForumData.passageName, tags: [], index: story.scenes.count) + "\n" + TwineJSON.encode(forum)
        return (head + passages + [tail]).joined(separator: "\n\n") + "\n"
    }

    /// `StoryData`'s fields.
    struct StoryData: Codable {
        var ifid: String
        var format: String
        var formatVersion: String
        var start: String

        enum CodingKeys: String, CodingKey {
            case ifid, format, start
            case formatVersion = "format-version"
        }
    }

    /// Where the simulated passages are: nowhere in particular.
    private static let origin = TextOrigin(headerLine: 1, textLine: 2)

    /// The passage text of `scene`: its text, then its question and links.
    static func body(of scene: Scene, nameOf: [String: String]) -> String {
        var parts = [scene.text]
        if let next = scene.next {
            parts.append("[[\(nameOf[next] ?? next)]]")
        }
        if let decision = scene.decision {
            var links: [String] = []
            for option in decision.options {
                guard let next = decision.destination(of: option) else { continue }
                links.append("[[\(option.label)->\(nameOf[next] ?? next)]]")
            }
            parts.append(([decision.question] + links).joined(separator: "\n"))
        }
        var at = origin
        return TwineText.trimmed(parts.joined(separator: "\n\n"), origin: &at)
    }

    /// What `ForumData` must hold for `scene`, whose passage is `passage`: everything Forum-only,
    /// and the exact text and route where reading the passage back would give something else.
    static func details(of scene: Scene, passage: TwinePassage, idOf: [String: String]) -> ForumData.PassagePart {
        var part = ForumData.PassagePart(
            id: scene.id, hostNotes: scene.hostNotes, image: scene.image, imageAlt: scene.imageAlt,
            checksum: TwineText.checksum(passage.text))
        var quiet = DiagnosticLog(file: SourceFile(path: "", text: ""))
        let mapped = PassageMapper.map(passage, log: &quiet)
        let cleanName = StoryAssembler.cleanText(passage.name)
        let derivedTitle = cleanName != scene.id && !cleanName.isEmpty ? cleanName : nil
        if scene.title != derivedTitle {
            part.title = scene.title ?? ""
        }
        let text = StoryAssembler.cleanText(mapped.text)
        if text != scene.text {
            part.text = scene.text
        }
        let labels = mapped.links.map { StoryAssembler.cleanText($0.value.label) }
        if let decision = scene.decision {
            var ids: [String: String] = [:]
            for option in decision.options where ids[option.label] == nil {
                ids[option.label] = option.id
            }
            part.optionIds = ids
        }
        let targets = mapped.links.map { idOf[$0.value.target] }
        var derived = ForumData.Route()
        if !targets.contains(nil) {
            let known = targets.compactMap { $0 }
            if known.count == 1 {
                derived.next = known[0]
            } else if known.count > 1 {
                derived.decision = StoryAssembler.decision(
                    mapped, labels: labels, targets: known, kept: part.optionIds, clean: StoryAssembler.cleanText)
            }
        }
        if targets.contains(nil) || derived != ForumData.Route(next: scene.next, decision: scene.decision) {
            part.route = ForumData.Route(next: scene.next, decision: scene.decision)
        }
        return part
    }

    /// A passage header: the name with Twee's escapes, the tags, and a place on Twine's map.
    static func header(_ name: String, tags: [String], index: Int) -> String {
        let position = "{\"position\":\"\(100 + 150 * (index % 8)),\(100 + 150 * (index / 8))\",\"size\":\"100,100\"}"
        let tagBlock = tags.isEmpty ? "" : " [" + tags.map(escapedName).joined(separator: " ") + "]"
        return ":: " + escapedName(name) + tagBlock + " " + position
    }

    /// A name or tag with `\`, `[`, `]`, `{` and `}` escaped by a backslash.
    static func escapedName(_ name: String) -> String {
        var result = ""
        for character in name {
            if "\\[]{}".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// Passage text with each line that would read as a header (`::`) escaped as `\::`; a
    /// line starting with backslashes then `:` gets one more backslash, so it reads back as it was.
    static func escaped(_ text: String) -> String {
        TwineText.lines(text).map { line in
            line.hasPrefix("::") || (line.hasPrefix("\\") && line.drop(while: { $0 == "\\" }).hasPrefix(":"))
                ? "\\" + line : line
        }.joined(separator: "\n")
    }
}
