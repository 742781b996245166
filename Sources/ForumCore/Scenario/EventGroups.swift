import Yams

/// Reads and checks the event file's `perspective_groups`: each with an `id`, a `label` and
/// the `perspectives` it gathers (known ones, each in one group at most).
enum EventGroups {
    /// The groups the file lists, or nil when it lists none.
    static func read(_ event: MappingReader, perspectives: [Perspective], log: inout DiagnosticLog)
        -> [PerspectiveGroup]?
    {
        guard let list = event.list("perspective_groups", log: &log) else { return nil }
        guard !list.value.isEmpty else {
            log.error(
                "`perspective_groups` lists no groups", at: list.keyPosition,
                hint: "list at least one, or remove `perspective_groups:`")
            return nil
        }
        let known = perspectives.map(\.id)
        var groups: [PerspectiveGroup] = []
        var ids: [Located<String>] = []
        var placed: [String: String] = [:]
        for node in list.value {
            guard
                var reader = MappingReader(
                    node, schema: .perspectiveGroup, log: &log,
                    layoutHint: "write each group as `- { id: professionals, label: Professionals, "
                        + "perspectives: [police, ambulance] }`")
            else { continue }
            let id = reader.text("id", required: "give each group a short id such as `professionals`", log: &log)
            if let id {
                reader.subject = "group `\(id.value)`"
                ids.append(id)
            }
            let label = reader.text(
                "label", required: "add `label:` with the group's name, such as `Professionals`", log: &log)
            let members = reader.texts(
                "perspectives", required: "list the perspectives the group gathers, such as `[police, ambulance]`",
                log: &log)
            var valid = id != nil && label != nil && members != nil
            for member in members?.value ?? [] {
                if !known.contains(member.value) {
                    valid = false
                    var hint = "list perspectives by the ids under `perspectives:`"
                    if let closest = Suggestion.closest(to: member.value, among: known) {
                        hint = "did you mean `\(closest)`?"
                    }
                    log.error(
                        "there is no perspective `\(member.value)` to put in a group", at: member.position, hint: hint)
                } else if let other = placed[member.value], other != id?.value {
                    valid = false
                    log.error(
                        "the perspective `\(member.value)` is already in the group `\(other)`", at: member.position,
                        hint: "put each perspective in one group at most, so no one is counted twice")
                } else if let id {
                    placed[member.value] = id.value
                }
            }
            if valid, let id, let label, let members {
                groups.append(
                    PerspectiveGroup(id: id.value, label: label.value, perspectives: members.value.map(\.value)))
            }
        }
        StoryRules.checkIDs(ids, kind: "group", scope: "event", log: &log)
        for id in ids where known.contains(id.value) {
            log.error(
                "the group id `\(id.value)` is also a perspective's id", at: id.position,
                hint: "give the group an id of its own, such as `\(id.value)-group`")
        }
        return groups
    }
}
