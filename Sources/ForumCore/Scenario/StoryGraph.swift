/// The checker's rules for links between scenes: every `next` and `start` names a scene;
/// every scene can be reached; an ending can be reached. Loops are allowed.
enum StoryGraph {
    /// Reports links to missing scenes (errors); when every link is sound and every scene and
    /// decision complete, reports scenes that cannot be reached and a story that cannot end
    /// (warnings), so those warnings never just echo an error.
    static func check(_ draft: StoryDraft, log: inout DiagnosticLog) {
        let ids = draft.scenes.compactMap { $0.id?.value }
        guard !ids.isEmpty else { return }
        let known = Set(ids)
        var sound = true
        for link in links(of: draft) where !known.contains(link.value) {
            sound = false
            log.error(
                "`\(link.keyName)` leads to `\(link.value)`, but no scene has that id", at: link.position,
                hint: hint(forMissing: link.value, among: ids))
        }
        guard sound, draft.scenes.allSatisfy(isComplete) else { return }
        checkReachability(draft, log: &log)
    }

    /// True when a scene's links are all known: it has an id, and its decision (if any) has
    /// a readable list of 2 to 8 options.
    static func isComplete(_ scene: SceneDraft) -> Bool {
        guard scene.id != nil, !scene.hasUnreadableDecision else { return false }
        guard let decision = scene.decision else { return true }
        guard let list = decision.optionsList else { return false }
        return list.value == decision.options.count && StoryRules.optionCount.contains(list.value)
    }

    /// One place where the story names a scene.
    struct Link {
        /// The key that names the scene: `start` or `next`.
        var keyName: String
        var value: String
        var position: SourcePosition
    }

    /// Every `start` and `next` in the story, in file order.
    static func links(of draft: StoryDraft) -> [Link] {
        var links: [Link] = []
        /// Records `located` as a link named by `key`, if it is written.
        func add(_ key: String, _ located: Located<String>?) {
            if let located {
                links.append(Link(keyName: key, value: located.value, position: located.position))
            }
        }
        add("start", draft.start)
        for scene in draft.scenes {
            add("next", scene.next)
            guard let decision = scene.decision else { continue }
            for option in decision.options {
                add("next", option.next)
            }
            add("next", decision.next)
        }
        return links.sorted { $0.position < $1.position }
    }

    /// Warns about scenes no path from the start reaches, and about a story with no
    /// reachable ending.
    static func checkReachability(_ draft: StoryDraft, log: inout DiagnosticLog) {
        guard let first = draft.scenes.first?.id else { return }
        let startID = draft.start?.value ?? first.value
        let byID = Dictionary(
            draft.scenes.map { ($0.id?.value ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        var reached: Set<String> = [startID]
        var pending = [startID]
        var canEnd = false
        while let id = pending.popLast() {
            guard let scene = byID[id] else { continue }
            let (targets, ends) = destinations(of: scene)
            canEnd = canEnd || ends
            for target in targets where reached.insert(target).inserted {
                pending.append(target)
            }
        }
        for scene in draft.scenes {
            guard let id = scene.id, !reached.contains(id.value) else { continue }
            log.warning(
                "scene `\(id.value)` cannot be reached from the start of the story", at: id.position,
                hint: "no `next` or option leads to it; link to it from another scene, or remove it")
        }
        if !canEnd {
            log.warning(
                "the story has no ending that can be reached from the start",
                at: draft.start?.position ?? first.position,
                hint: "every path loops back; give at least one scene neither `next` nor `decision`, "
                    + "so the story can end there")
        }
    }

    /// The scenes a scene leads to, and whether the story can end at it: a scene with neither
    /// `next` nor a decision, or an option that leads nowhere.
    static func destinations(of scene: SceneDraft) -> (targets: [String], ends: Bool) {
        var targets: [String] = []
        var ends = scene.next == nil && scene.decision == nil
        if let next = scene.next {
            targets.append(next.value)
        }
        if let decision = scene.decision {
            for option in decision.options {
                if let target = option.next ?? decision.next {
                    targets.append(target.value)
                } else {
                    ends = true
                }
            }
        }
        return (targets, ends)
    }

    /// The hint for a link to a missing scene: the closest id, or the ids there are.
    static func hint(forMissing id: String, among ids: [String]) -> String {
        if let closest = Suggestion.closest(to: id, among: ids) {
            return "did you mean `\(closest)`?"
        }
        var seen: Set<String> = []
        let distinct = ids.filter { seen.insert($0).inserted }
        return "the scenes of this story are " + Suggestion.list(distinct)
            + "; check the spelling, or add the scene"
    }
}
