import Yams

/// Reads the scenes, decisions and options of a story file into drafts.
enum SceneReader {
    /// One entry of `scenes`, or nil when it is not a block of keys (reported).
    static func scene(_ node: Node, log: inout DiagnosticLog) -> SceneDraft? {
        guard
            var reader = MappingReader(
                node, schema: .scene, log: &log,
                layoutHint: "start each scene with `- id: ...` and line its other keys up under `id`")
        else { return nil }
        var scene = SceneDraft(position: reader.position, misspeltKeys: reader.misspelt)
        scene.id = reader.text(
            "id",
            required:
                "start the scene with `- id:` and a short name such as `kitchen`, used to link scenes",
            log: &log)
        if let id = scene.id {
            reader.subject = "scene `\(id.value)`"
        }
        scene.title = reader.text("title", log: &log)?.value
        scene.text = reader.text(
            "text", required: "add `text:` with what happens in this scene", log: &log)
        scene.image = reader.text("image", log: &log)
        scene.imageAlt = reader.text("image_alt", log: &log)
        scene.hostNotes = reader.text("host_notes", log: &log)?.value
        scene.next = reader.text("next", log: &log)
        if let block = reader.block("decision", log: &log) {
            scene.decision = decision(block, log: &log)
        }
        scene.hasUnreadableDecision = reader.hasValue("decision") && scene.decision == nil
        return scene
    }

    /// A scene's `decision` block.
    static func decision(_ block: Located<Node>, log: inout DiagnosticLog) -> DecisionDraft? {
        guard
            let reader = MappingReader(
                block.value, schema: .decision, log: &log,
                layoutHint: "write `question:` and `options:` on the lines below `decision:`, indented")
        else { return nil }
        var decision = DecisionDraft(position: block.keyPosition)
        decision.question = reader.text(
            "question",
            required: "add `question:` with what the audience is asked, such as "
                + "`question: Who should Maya call?`",
            log: &log)
        decision.next = reader.text("next", log: &log)
        if let options = reader.list(
            "options",
            required: "add `options:` with 2 to 8 choices below it, each starting with `- id:`",
            log: &log)
        {
            decision.optionsList = Located(
                options.value.count, at: options.position, key: options.keyPosition)
            decision.options = options.value.compactMap { option($0, log: &log) }
        }
        return decision
    }

    /// One entry of a decision's `options`.
    static func option(_ node: Node, log: inout DiagnosticLog) -> OptionDraft? {
        guard
            var reader = MappingReader(
                node, schema: .option, log: &log,
                layoutHint: "start each option with `- id: ...` and line `label:` up under `id`")
        else { return nil }
        var option = OptionDraft(position: reader.position)
        option.id = reader.text(
            "id", required: "start the option with `- id:` and a short name such as `police`", log: &log)
        if let id = option.id {
            reader.subject = "option `\(id.value)`"
        }
        option.label = reader.text(
            "label", required: "add `label:` with the words the audience votes for", log: &log)
        option.next = reader.text("next", log: &log)
        return option
    }
}
