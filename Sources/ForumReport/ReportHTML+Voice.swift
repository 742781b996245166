extension ReportHTML {
    /// "The room's voice": stops per scene, and the proposals with what became of them. Empty
    /// when nobody stopped or proposed.
    func voiceSection() -> String {
        let voice = report.voice
        guard !voice.stops.isEmpty || !voice.proposals.isEmpty else { return "" }
        func count(_ value: Int?) -> String { value.map(String.init) ?? "fewer than 5" }
        var html = "<section class=\"voice\" aria-labelledby=\"voice-h\">\n<h2 id=\"voice-h\">The room's voice</h2>\n"
        html += "<p>In forum theatre anyone may say “Stop!” and show another way the scene could go. Phones could "
        html += "tap Stop in any scene and, when the host opened proposals, say what should happen instead; "
        html += "a moderator approved, rejected or merged each proposal before anyone saw it.</p>\n"
        if !voice.stops.isEmpty {
            html += "<table class=\"stops\">\n<caption>People who wanted to step in, by scene</caption>\n"
            html += "<thead><tr><th scope=\"col\">Run</th><th scope=\"col\">Scene</th>"
            html += "<th scope=\"col\">Wanted to step in at the end</th><th scope=\"col\">Tapped Stop at all</th>"
            html += "<th scope=\"col\">Acknowledged by the host</th></tr></thead>\n<tbody>\n"
            for stop in voice.stops {
                html += "<tr><td>\(HTMLText.escape(stop.run))</td><th scope=\"row\">\(HTMLText.escape(stop.scene))</th>"
                html += "<td>\(count(stop.stopped))</td><td>\(count(stop.everStopped))</td>"
                html += "<td>\(stop.acknowledged.map(String.init) ?? "–")</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        let outcomes = ["approved", "rejected", "merged", "pending"].map { "\(voice.outcomes[$0] ?? 0) \($0)" }
        html += "<p>\(voice.proposals.count) proposal\(voice.proposals.count == 1 ? "" : "s"): "
        html += outcomes.joined(separator: ", ") + ".</p>\n"
        let listed = voice.proposals.filter { $0.text != nil }
        if !listed.isEmpty {
            html +=
                "<h3>\(report.edition == .community ? "Approved proposals" : "Every proposal")</h3>\n<ul class=\"proposals\">\n"
            for proposal in listed {
                html += "<li><q>\(HTMLText.escape(proposal.text ?? ""))</q> (\(HTMLText.escape(proposal.id)), "
                html += HTMLText.escape(proposal.status)
                if let into = proposal.mergedInto { html += " into \(HTMLText.escape(into))" }
                if proposal.sameIdea > 0 { html += ", \(proposal.sameIdea) more with the same idea" }
                if let option = proposal.option {
                    html += "; put to the vote as \(HTMLText.escape(option)) in "
                    html += proposal.rounds.map(HTMLText.escape).joined(separator: ", ")
                    html += proposal.votes.map { ": \($0) vote\($0 == 1 ? "" : "s")" } ?? ""
                }
                html += ")</li>\n"
            }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }
}
