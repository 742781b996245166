/// *(addition)* What venues of a shared show must agree on: the stories' ids, scenes and
/// options, in a canonical text (hashed into ``StageEntry/library``). Wording, pictures and
/// translations may differ between venues; the ids the votes refer to may not.
extension Library {
    /// One line per story, scene and option id, in a fixed order.
    public var shapeText: String {
        var lines: [String] = []
        for story in stories.sorted(by: { $0.id < $1.id }) {
            lines.append("story \(story.id) \(story.start)")
            for scene in story.scenes.sorted(by: { $0.id < $1.id }) {
                let options = scene.decision?.options.map(\.id).joined(separator: ",") ?? ""
                lines.append("scene \(story.id) \(scene.id) \(options)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
