import Yams

/// Reads and checks the `perspectives` and `sessions` of the event file.
enum EventSections {
    /// The perspectives the file lists, or nil when it lists none (the defaults apply).
    static func perspectives(_ event: MappingReader, log: inout DiagnosticLog) -> [Perspective]? {
        guard let list = event.list("perspectives", log: &log) else { return nil }
        guard !list.value.isEmpty else {
            log.error(
                "`perspectives` lists no perspectives", at: list.keyPosition,
                hint: "list at least one, or remove `perspectives:` to use the default ones")
            return nil
        }
        var perspectives: [Perspective] = []
        var ids: [Located<String>] = []
        for node in list.value {
            guard
                var reader = MappingReader(
                    node, schema: .perspective, log: &log,
                    layoutHint: "write each perspective as `- { id: police, label: Police }`")
            else { continue }
            let id = reader.text(
                "id", required: "give each perspective a short id such as `police`", log: &log)
            if let id {
                reader.subject = "perspective `\(id.value)`"
                ids.append(id)
            }
            let label = reader.text(
                "label", required: "add `label:` with the words the audience picks, such as `Police`",
                log: &log)
            if let id, let label {
                perspectives.append(Perspective(id: id.value, label: label.value))
            }
        }
        StoryRules.checkIDs(ids, kind: "perspective", scope: "event", log: &log)
        return perspectives
    }

    /// The sessions the file lists, or nil when it lists none (one session of every story).
    static func sessions(_ event: MappingReader, storyIDs: [String], log: inout DiagnosticLog)
        -> [ProgrammeSession]?
    {
        guard let list = event.list("sessions", log: &log) else { return nil }
        guard !list.value.isEmpty else {
            log.error(
                "`sessions` lists no sessions", at: list.keyPosition,
                hint: "list at least one, or remove `sessions:` to play every story in one session")
            return nil
        }
        var sessions: [ProgrammeSession] = []
        var ids: [Located<String>] = []
        for node in list.value {
            guard let (session, id) = session(node, storyIDs: storyIDs, log: &log) else { continue }
            ids.append(id)
            if let session {
                sessions.append(session)
            }
        }
        StoryRules.checkIDs(ids, kind: "session", scope: "event", log: &log)
        return sessions
    }

    /// One entry of `sessions` and its id, or nil when it has no id.
    private static func session(_ node: Node, storyIDs: [String], log: inout DiagnosticLog) -> (
        ProgrammeSession?, Located<String>
    )? {
        guard
            var reader = MappingReader(
                node, schema: .session, log: &log,
                layoutHint: "write each session as `- { id: morning, title: Crisis at night, "
                    + "starts: \"10:00\", stories: [sams-night] }`")
        else { return nil }
        let id = reader.text(
            "id", required: "give each session a short id such as `morning`", log: &log)
        if let id {
            reader.subject = "session `\(id.value)`"
        }
        let title = reader.text(
            "title", required: "add `title:` with the session's name, such as `Crisis at night`",
            log: &log)
        let starts = reader.text("starts", log: &log)
        if let starts, !isTime(starts.value) {
            log.error(
                "`\(starts.value)` is not a time of day", at: starts.position,
                hint: "write the start time in 24-hour form with quotes, such as `starts: \"13:30\"`")
        }
        let stories = reader.texts(
            "stories",
            required: "add `stories:` with the stories played, named by their file name "
                + "without `.yaml`, such as `stories: [sams-night]`",
            log: &log)
        if let stories {
            checkStories(stories, known: storyIDs, log: &log)
        }
        guard let id else { return nil }
        guard let title, let stories else { return (nil, id) }
        let session = ProgrammeSession(
            id: id.value, title: title.value, starts: starts?.value, stories: stories.value.map(\.value))
        return (session, id)
    }

    /// Every story a session names exists, and the session names at least one.
    private static func checkStories(
        _ stories: Located<[Located<String>]>, known: [String], log: inout DiagnosticLog
    ) {
        if stories.value.isEmpty {
            log.error(
                "this session lists no stories", at: stories.keyPosition,
                hint: "name at least one story by its file name without `.yaml`, such as `[sams-night]`")
        }
        for story in stories.value where !known.contains(story.value) {
            var hint = "stories are named by their file name without `.yaml`"
            if let closest = Suggestion.closest(to: story.value, among: known) {
                hint = "did you mean `\(closest)`?"
            } else if !known.isEmpty {
                hint += "; the stories here are " + Suggestion.list(known)
            }
            log.error(
                "there is no story `\(story.value)` in the scenarios folder", at: story.position, hint: hint
            )
        }
    }

    /// True for a 24-hour time of day such as `9:30` or `13:30`.
    static func isTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
            let hours = Int(parts[0]), let minutes = Int(parts[1])
        else { return false }
        return (0...23).contains(hours) && (0...59).contains(minutes)
    }
}
