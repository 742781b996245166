/// The passage names a Forum story gets in Twine: each scene's title where it can be a
/// passage name, else its id; unique, and never one of the names Twine or Forum reserve.
enum TweePassageNames {
    /// Names that mean something to Twine, its story formats or Forum.
    static let reserved: Set<String> = SpecialPassages.formatPassages.union([
        "StoryTitle", "StoryData", ForumData.passageName,
    ])

    /// The passage name of each scene, in scene order.
    static func names(for story: Story) -> [String] {
        var names = [String?](repeating: nil, count: story.scenes.count)
        var used: Set<String> = []
        for (index, scene) in story.scenes.enumerated() where !usable(scene.title) {
            names[index] = scene.id
            used.insert(scene.id)
        }
        for (index, scene) in story.scenes.enumerated() where names[index] == nil {
            var name = [scene.title ?? scene.id, scene.id].first { !used.contains($0) }
            var number = 2
            while name == nil {
                let candidate = "\(scene.id)-\(number)"
                name = used.contains(candidate) ? nil : candidate
                number += 1
            }
            names[index] = name
            used.insert(name ?? scene.id)
        }
        return names.map { $0 ?? "" }
    }

    /// True when `title` can be a passage name as it is: one line of printable text with no
    /// space at either end and none of the link markup `[`, `]`, `|`, `->`, `<-`.
    static func usable(_ title: String?) -> Bool {
        guard let title, !title.isEmpty, !reserved.contains(title) else { return false }
        guard title.first?.isWhitespace != true, title.last?.isWhitespace != true else { return false }
        if title.unicodeScalars.contains(where: { ControlCharacters.isControl($0) || StoryYAMLWriter.needsEscape($0) })
        {
            return false
        }
        return !["[", "]", "|", "->", "<-", "\\"].contains { title.contains($0) }
    }
}
