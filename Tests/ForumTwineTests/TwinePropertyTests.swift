import PropertyBased
import Testing

@testable import ForumCore

/// Random stories (random ids, texts full of brackets, backslashes, colons and link markup,
/// 2 to 8 options) taken out to Twee and story files and read back: nothing changes.
@Suite("Twine and story file round trips over random stories")
struct TwinePropertyTests {
    /// Pieces texts are made of: Twee, YAML and HTML syntax among plain words.
    static let pieces = [
        "[[", "]]", "[", "]", "\\", "::", ":", ": ", "{", "}", "->", "<-", "|", " ", "word", "Ünï", "?", "# ",
        "- ", "\"", "'", "<b>", "$x", "&amp;", "(set: $a to 1)", "<<if>>", "yes", "\\::", "cwtch", "نعم", "\t", "@",
    ]

    /// One line of text.
    static let line = Gen.element(of: pieces).map { $0 ?? "" }.array(of: 1...8).map { $0.joined() }
    /// A text of one or more lines and paragraphs, never empty.
    static let text = zip(line.array(of: 1...4), Gen.element(of: ["\n", "\n\n"]).map { $0 ?? "\n" }).map {
        lines, join in
        "x" + TwineText.trailingSpaceTrimmed(lines.joined(separator: join))
    }
    /// A short one-line text, such as a title or a label.
    static let label = line.map { "L" + TwineText.trailingSpaceTrimmed($0) }
    /// The start of an id.
    static let idPart = Gen.element(of: Array("abz09-")).map { $0 ?? "a" }.string(of: 1...6)

    /// One scene before its links are chosen.
    struct SceneSeed: Sendable {
        var id: String
        var title: String?
        var text: String
        var kind: Int
        var labels: [String]
        var targets: [Int]
        var notes: String?
        var decisionNext: Int
    }

    static let scene = zip(
        idPart, label.optional(valueRate: 0.6), text, Gen.int(in: 0...2), label.array(of: 2...8),
        Gen.int(in: -1...7).array(of: 9), text.optional(valueRate: 0.3), Gen.int(in: -2...7)
    ).map { seed in
        SceneSeed(
            id: seed.0, title: seed.1, text: seed.2, kind: seed.3, labels: seed.4, targets: seed.5, notes: seed.6,
            decisionNext: seed.7)
    }

    /// A story of 1 to 6 scenes whose links lead to its own scenes (or nowhere).
    static let story = scene.array(of: 1...6).map { seeds in
        let ids = seeds.enumerated().map { "\($0.element.id)\($0.offset)" }
        let scenes = seeds.enumerated().map { index, seed in
            var scene = Scene(id: ids[index], title: seed.title, text: seed.text, hostNotes: seed.notes)
            let target: (Int) -> String? = { $0 < 0 ? nil : ids[$0 % ids.count] }
            if seed.kind == 1 {
                scene.next = target(max(0, seed.targets[0]))
            } else if seed.kind == 2 {
                let options = seed.labels.enumerated().map { number, label in
                    Option(id: "o\(number)-\(seed.id)", label: label, next: target(seed.targets[number]))
                }
                scene.decision = Decision(question: seed.text + "?", options: options, next: target(seed.decisionNext))
            }
            return scene
        }
        return Story(
            id: "random", title: seeds[0].title ?? "Title", language: "en", start: ids[ids.count / 2], scenes: scenes,
            ifid: "0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D")
    }

    @Test("Forum -> Twee -> Forum gives the same story")
    func throughTwee() async {
        await propertyCheck(count: 300, input: Self.story) { story in
            let twee = TweeWriter.twee(story, newIFID: { "UNUSED" })
            let result = TwineFixtures.importing(twee, path: "random.twee")
            #expect(result.story == story, "\(twee)")
        }
    }

    @Test("Forum -> story file -> Forum gives the same story, and forum check finds no error")
    func throughYAML() async {
        await propertyCheck(count: 300, input: Self.story) { story in
            let yaml = StoryYAMLWriter.yaml(story)
            let parsed = StoryParser.parse(SourceFile(path: "random.yaml", text: yaml), availableFiles: nil)
            #expect(parsed.story == story, "\(yaml)\n\(parsed.diagnostics)")
            #expect(!parsed.diagnostics.contains { $0.isError })
        }
    }

    @Test("random link markup in a passage never crashes the import and always gives a checked story")
    func anyPassage() async {
        await propertyCheck(count: 300, input: Self.text.array(of: 1...4)) { texts in
            let twee = texts.enumerated().map { ":: P\($0.offset)\n\($0.element)" }.joined(separator: "\n\n")
            let result = TwineFixtures.importing(twee, path: "any.twee")
            #expect(result.story != nil, "\(twee)\n\(result.diagnostics)")
        }
    }
}
