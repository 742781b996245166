/// Reads a story out of Twine 2's HTML: a published story (the story format's page with one
/// `<tw-storydata>` somewhere inside) or an archive (several `<tw-storydata hidden>` in a row).
enum TwineHTMLReader {
    /// The story in `file`: the first one, or the one called `storyName`; nil (with an error
    /// reported) when there is none.
    static func read(_ file: SourceFile, storyName: String?, log: inout DiagnosticLog) -> TwineStory? {
        let scanner = HTMLScanner(file.text)
        var stories: [HTMLScanner.Tag] = []
        var offset = 0
        while let start = scanner.find("tw-storydata", from: offset) {
            guard let tag = scanner.tag(at: start) else {
                log.error(
                    "this `<tw-storydata>` tag is never closed with `>`", at: scanner.position(of: start),
                    hint: "the file is cut short or damaged; publish the story from Twine again")
                return nil
            }
            stories.append(tag)
            offset = tag.end
        }
        guard !stories.isEmpty else {
            log.error(
                "this HTML file holds no Twine 2 story: there is no `<tw-storydata>` element", at: .start,
                hint: "in Twine 2, use Library > Archive or Build > Publish to File, and import that file")
            return nil
        }
        let names = stories.map { $0.attributes["name"] ?? "" }
        var index = 0
        if let storyName {
            guard let found = names.firstIndex(of: storyName) else {
                log.error(
                    "the file holds no story called `\(storyName)`", at: .start,
                    hint: "the stories in it are " + names.map { "`\($0)`" }.joined(separator: ", "))
                return nil
            }
            index = found
        }
        let chosen = stories[index]
        if stories.count > 1 {
            let others = names.enumerated().filter { $0.offset != index }.map { "`\($0.element)`" }
            log.warning(
                "the file holds \(stories.count) stories; importing `\(names[index])`, not "
                    + others.joined(separator: ", "),
                at: scanner.position(of: chosen.start), hint: "choose another with `--story NAME`")
        }
        let end = scanner.find("/tw-storydata", from: chosen.end) ?? scanner.bytes.count
        return story(chosen, endingAt: end, scanner: scanner, log: &log)
    }

    /// The story of one `<tw-storydata>` element, whose content ends at `end`.
    static func story(
        _ element: HTMLScanner.Tag, endingAt end: Int, scanner: HTMLScanner, log: inout DiagnosticLog
    ) -> TwineStory {
        var passages: [TwinePassage] = []
        var names: [String: String] = [:]
        var offset = element.end
        while let start = scanner.find("tw-passagedata", from: offset, before: end),
            let tag = scanner.tag(at: start), tag.end <= end
        {
            // A tag that runs past the story's end (a broken file) ends the passages.
            let close = scanner.find("/tw-passagedata", from: tag.end, before: end) ?? end
            offset = close
            let at = scanner.position(of: start)
            guard let rawName = tag.attributes["name"], !rawName.isEmpty else {
                log.warning(
                    "this passage has no name, so nothing can link to it; it is left out", at: at,
                    hint: "give the passage a name in Twine and publish again")
                continue
            }
            let textStart = scanner.position(of: tag.end)
            let decoded = HTMLEntities.decode(Substring(scanner.text(tag.end..<close)))
            var origin = TextOrigin(
                headerLine: at.line, headerColumn: at.column, textLine: textStart.line, textColumn: textStart.column,
                shifts: decoded.shifts)
            let text = TwineText.trimmed(decoded.text, origin: &origin)
            let tags = (tag.attributes["tags"] ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
            passages.append(TwinePassage(name: rawName, tags: tags, text: text, origin: origin))
            if let pid = tag.attributes["pid"], names[pid] == nil {
                names[pid] = rawName
            }
        }
        warnAboutCode(in: element, endingAt: end, scanner: scanner, log: &log)
        let attributes = element.attributes
        let startNode = attributes["startnode"].flatMap { $0.isEmpty ? nil : $0 }
        if let startNode, names[startNode] == nil {
            log.warning(
                "the story's start passage (`startnode` \(startNode)) is not among its passages",
                at: scanner.position(of: element.start), hint: "set the start passage in Twine and publish again")
        }
        return TwineStory(
            name: attributes["name"], ifid: attributes["ifid"].flatMap { $0.isEmpty ? nil : $0 },
            start: startNode.flatMap { names[$0] }, format: attributes["format"],
            line: scanner.position(of: element.start).line, passages: passages)
    }

    /// Warns once about the story's JavaScript and stylesheet, which Forum does not run.
    static func warnAboutCode(
        in element: HTMLScanner.Tag, endingAt end: Int, scanner: HTMLScanner, log: inout DiagnosticLog
    ) {
        for name in ["script", "style"] {
            var offset = element.end
            while let start = scanner.find(name, from: offset, before: end), let tag = scanner.tag(at: start),
                tag.end <= end
            {
                let close = scanner.find("/" + name, from: tag.end, before: end) ?? end
                offset = close
                guard scanner.text(tag.end..<close).contains(where: { !$0.isWhitespace }) else { continue }
                log.warning(
                    name == "script"
                        ? "the story's JavaScript is left out: Forum shows text and votes, it runs no code"
                        : "the story's stylesheet is left out: phones show every story in Forum's own style",
                    at: scanner.position(of: start),
                    hint: name == "script"
                        ? "what the script does (variables, effects) does not happen in Forum"
                        : "Forum's pages follow each phone's own settings for size, contrast and dark mode")
                break
            }
        }
    }
}
