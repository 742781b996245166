import Yams

/// Reads and checks the event file's `support` lines and `next_steps`.
enum EventSupport {
    /// The support lines the file lists, or nil when it lists none.
    static func lines(_ event: MappingReader, log: inout DiagnosticLog) -> [SupportLine]? {
        guard let list = event.list("support", log: &log) else { return nil }
        guard !list.value.isEmpty else {
            log.error(
                "`support` lists no support lines", at: list.keyPosition,
                hint: "list at least one, or remove `support:` if the event names none")
            return nil
        }
        var lines: [SupportLine] = []
        for node in list.value {
            if let line = line(node, log: &log) { lines.append(line) }
        }
        return lines
    }

    /// What happens next with the results, if the file says.
    static func nextSteps(_ event: MappingReader, log: inout DiagnosticLog) -> String? {
        event.text("next_steps", log: &log)?.value
    }

    private static func line(_ node: Node, log: inout DiagnosticLog) -> SupportLine? {
        guard
            var reader = MappingReader(
                node, schema: .supportLine, log: &log,
                layoutHint: "write each support line as `- { label: Samaritans, number: \"116 123\", "
                    + "when: \"Free, day or night\" }`")
        else { return nil }
        let label = reader.text(
            "label", required: "add `label:` with who answers, such as `Samaritans`", log: &log)
        if let label { reader.subject = "support line `\(label.value)`" }
        let number = reader.text("number", log: &log)
        let link = reader.text("link", log: &log)
        let when = reader.text("when", log: &log)
        var valid = label != nil
        if number == nil, link == nil, !reader.misspelt.contains("number"), !reader.misspelt.contains("link") {
            log.error(
                "\(reader.subject) has neither a `number` nor a `link`", at: reader.position,
                hint: "add `number: \"116 123\"` for a phone line or `link: https://…` for a web page")
            valid = false
        }
        if let number, SupportLine.dialable(number.value) == nil {
            log.error(
                "`\(number.value)` is not a phone number", at: number.position,
                hint: "write 3 to 15 digits, with spaces and a leading + if needed, such as `number: \"116 123\"`")
            valid = false
        }
        if let link, !SupportLine.isOpenable(link.value) {
            log.error(
                "`\(link.value)` is not a link a phone can open", at: link.position,
                hint: "links start with `https://` (a web page) or `tel:` (a phone number), "
                    + "such as `link: https://www.samaritans.org`")
            valid = false
        }
        guard valid, let label else { return nil }
        return SupportLine(label: label.value, number: number?.value, link: link?.value, when: when?.value)
    }
}
