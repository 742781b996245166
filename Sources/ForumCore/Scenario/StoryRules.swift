/// The checker's rules for the parts of a story: ids, duplicates, the shape of scenes and
/// decisions, images, language and text length. Links between scenes are ``StoryGraph``'s.
enum StoryRules {
    /// The longest scene text that still reads comfortably on a phone, in characters.
    static let comfortableTextLength = 1_200
    /// How many options a decision may offer.
    static let optionCount = 2...8

    /// Runs every rule of this file on `draft`.
    static func check(_ draft: StoryDraft, availableFiles: Set<String>?, log: inout DiagnosticLog) {
        checkLanguage(draft, log: &log)
        checkIFID(draft, log: &log)
        checkSceneIDs(draft, log: &log)
        for scene in draft.scenes {
            checkShape(of: scene, log: &log)
            checkImage(of: scene, availableFiles: availableFiles, log: &log)
            checkTextLength(of: scene, log: &log)
            if let decision = scene.decision {
                checkOptions(of: decision, log: &log)
            }
        }
    }

    /// Scene ids follow the id rule and are unique within the story.
    static func checkSceneIDs(_ draft: StoryDraft, log: inout DiagnosticLog) {
        checkIDs(draft.scenes.compactMap(\.id), kind: "scene", scope: "story", log: &log)
    }

    /// Ids follow the id rule and are unique within their scope.
    static func checkIDs(
        _ ids: [Located<String>], kind: String, scope: String, log: inout DiagnosticLog
    ) {
        var seen: [String: SourcePosition] = [:]
        for id in ids {
            if Identifier.isTooLong(id.value) {
                log.error(
                    "this \(kind) id is \(id.value.utf8.count) characters long; ids can be at most "
                        + "\(Identifier.maximumLength)",
                    at: id.position,
                    hint: "shorten it: an id only has to tell this \(kind) from the others, such as `the-call`")
            } else if !Identifier.isValid(id.value) {
                log.error(
                    "`\(id.value)` cannot be used as \(kind == "option" ? "an" : "a") \(kind) id",
                    at: id.position,
                    hint: Identifier.hint(for: id.value))
            }
            if let first = seen[id.value] {
                log.error(
                    "this \(scope) has two \(kind)s with the id `\(id.value)`", at: id.position,
                    hint: "give each \(kind) its own id (the first `\(id.value)` is on line \(first.line))")
            } else {
                seen[id.value] = id.position
            }
        }
    }

    /// A scene has `next`, or a decision, or neither; never both.
    static func checkShape(of scene: SceneDraft, log: inout DiagnosticLog) {
        guard let next = scene.next, scene.decision != nil else { return }
        log.error(
            "\(name(of: scene)) has both `next` and a `decision`", at: next.keyPosition,
            hint: "a scene either moves on with `next` or asks the audience with `decision`; to go on "
                + "to a scene after the vote, move this `next` inside `decision:` (options without "
                + "their own `next` go there)")
    }

    /// A decision offers 2 to 8 options, with unique, well-formed ids.
    static func checkOptions(of decision: DecisionDraft, log: inout DiagnosticLog) {
        checkIDs(decision.options.compactMap(\.id), kind: "option", scope: "decision", log: &log)
        guard let list = decision.optionsList, !optionCount.contains(list.value) else { return }
        let written = list.value == 1 ? "1 option" : "\(list.value) options"
        if list.value < optionCount.lowerBound {
            log.error(
                "a decision needs at least \(optionCount.lowerBound) options, but this one has \(written)",
                at: list.keyPosition,
                hint: "add another option, or use `next:` instead of a decision when there is no choice")
        } else {
            log.error(
                "a decision can have at most \(optionCount.upperBound) options, but this one has \(written)",
                at: list.keyPosition,
                hint: "remove or combine options: more than \(optionCount.upperBound) do not fit on a phone"
            )
        }
    }

    /// An image has a text alternative and exists in the scenarios folder.
    static func checkImage(
        of scene: SceneDraft, availableFiles: Set<String>?, log: inout DiagnosticLog
    ) {
        guard let image = scene.image else { return }
        if scene.imageAlt == nil, !scene.misspeltKeys.contains("image_alt") {
            log.error(
                "\(name(of: scene)) has an `image` but no `image_alt`", at: image.keyPosition,
                hint: "add `image_alt:` with a short description of the picture, read out by screen readers"
            )
        }
        guard let availableFiles else { return }
        let path = normalised(image.value)
        if path.hasPrefix("/") || path.split(separator: "/").contains("..") || path.contains(":") {
            log.error(
                "the image `\(image.value)` must be inside the scenarios folder", at: image.position,
                hint: "copy the picture into the scenarios folder and write its path from there, "
                    + "such as `images/kitchen.jpg`")
        } else if !availableFiles.contains(path) {
            var hint =
                "image paths start from the scenarios folder, such as `images/kitchen.jpg`; "
                + "check the spelling and that the picture has been copied there"
            if let closest = Suggestion.closest(to: path, among: availableFiles.sorted()) {
                hint = "did you mean `\(closest)`? Image paths start from the scenarios folder"
            }
            log.error(
                "the image file `\(image.value)` is not in the scenarios folder", at: image.position,
                hint: hint)
        }
    }

    /// Scene text fits a phone screen comfortably.
    static func checkTextLength(of scene: SceneDraft, log: inout DiagnosticLog) {
        guard let text = scene.text, text.value.count > comfortableTextLength else { return }
        log.warning(
            "the text of \(name(of: scene)) is \(thousands(text.value.count)) characters long; more than "
                + "\(thousands(comfortableTextLength)) is hard to read on a phone",
            at: text.keyPosition, hint: "shorten it, or split the scene in two joined by `next`")
    }

    /// The language is a language tag such as `en`, `cy` or `pt-BR`.
    static func checkLanguage(_ draft: StoryDraft, log: inout DiagnosticLog) {
        guard let language = draft.language, !isLanguageTag(language.value) else { return }
        let dashed = String(language.value.map { $0 == "_" ? "-" : $0 })
        let hint =
            isLanguageTag(dashed)
            ? "did you mean `\(dashed)`? Language tags use `-` between their parts"
            : "use a short language tag such as `en`, `cy`, `ur` or `pl`, or with a region, `en-GB`"
        log.error("`\(language.value)` is not a language tag", at: language.position, hint: hint)
    }

    /// True for a well-formed BCP 47 tag: 2 to 8 letters, then subtags of 1 to 8 letters or digits.
    static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy(isASCIILetter)
        else {
            return false
        }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count)
                && part.allSatisfy { isASCIILetter($0) || ("0"..."9").contains($0) }
        }
    }

    /// How messages name a scene: "scene `kitchen`", or "this scene" when it has no id.
    static func name(of scene: SceneDraft) -> String {
        scene.id.map { "scene `\($0.value)`" } ?? "this scene"
    }

    /// A path without a leading `./`, as the scenarios folder listing writes it.
    static func normalised(_ path: String) -> String {
        var path = Substring(path)
        while path.hasPrefix("./") {
            path = path.dropFirst(2)
        }
        return String(path)
    }

    /// A count with a comma between thousands, such as `1,200`.
    static func thousands(_ number: Int) -> String {
        let digits = Array(String(number))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 {
                result += ","
            }
            result.append(digit)
        }
        return result
    }

    /// True for `a`-`z` and `A`-`Z`.
    private static func isASCIILetter(_ character: Character) -> Bool {
        ("a"..."z").contains(character) || ("A"..."Z").contains(character)
    }
}
