extension ReportHTML {
    func roundSection(_ round: RoundReport) -> String {
        let id = "round-\(HTMLText.escape(round.round))"
        var html = "<section class=\"round\" aria-labelledby=\"\(id)\">\n"
        html += "<h3 id=\"\(id)\">\(HTMLText.escape(round.question))</h3>\n"
        html += "<p class=\"meta\">Vote \(HTMLText.escape(round.round)) on scene “\(HTMLText.escape(round.scene))”"
        if let earlier = round.replayOf { html += ", a replay of vote \(HTMLText.escape(earlier))" }
        html += ". Opened \(Self.time(round.openedAt))"
        html += round.closedAt.map { ", closed \(Self.time($0))" } ?? ""
        html += round.revealedAt.map { ", revealed \(Self.time($0))" } ?? ""
        html += ". \(round.voters) \(round.voters == 1 ? "person" : "people") voted.</p>\n"
        html += "<p class=\"summary\">\(HTMLText.escape(round.summary))</p>\n"
        if round.countsShown && round.voters > 0 {
            html += "<div class=\"result\">" + RoundChart.svg(round) + optionTable(round) + "</div>\n"
            if let changed = round.changedVote {
                html += "<p>\(changed) \(changed == 1 ? "person" : "people") changed their vote during this vote.</p>\n"
            } else {
                html += "<p>Fewer than 5 people changed their vote during this vote.</p>\n"
            }
            html += splitTable(round)
        }
        if let replay = report.replays.first(where: { $0.round == round.round }) { html += replaySection(replay) }
        let notes = report.notes.filter { $0.round == round.round }
        if !notes.isEmpty {
            html += "<h4>Facilitator's notes</h4>\n<ul class=\"notes\">\n"
            for note in notes { html += "<li>\(HTMLText.escape(note.text))</li>\n" }
            html += "</ul>\n"
        }
        return html + "</section>\n"
    }

    private func optionTable(_ round: RoundReport) -> String {
        var html = "<table class=\"options\">\n<caption>Votes for each option</caption>\n"
        html += "<thead><tr><th scope=\"col\">Option</th><th scope=\"col\">Votes</th><th scope=\"col\">Share</th>"
        html += "<th scope=\"col\">Could be</th></tr></thead>\n<tbody>\n"
        for (index, option) in round.options.enumerated() {
            html += "<tr><th scope=\"row\">\(index + 1). \(HTMLText.escape(option.label))"
            html += option.fromAudience ? " <small>(from the audience)</small></th>" : "</th>"
            html += "<td>\(option.votes.map(String.init) ?? "–")</td><td>\(HTMLText.percent(option.percent))</td>"
            html += "<td>\(HTMLText.percent(option.low)) to \(HTMLText.percent(option.high))</td></tr>\n"
        }
        return html + "</tbody>\n</table>"
    }

    private func splitTable(_ round: RoundReport) -> String {
        splitTable(round, groups: round.byPerspective, hidden: round.hiddenGroups, by: "perspective")
            + splitTable(round, groups: round.byGroup, hidden: round.hiddenByGroup, by: "group of perspectives")
            + splitTable(round, groups: round.byPlace, hidden: round.hiddenPlaces, by: "place")
            + (round.placeWithheld == nil
                ? ""
                : "<p>Not shown by place: this round is shown by perspective, and one split per round "
                    + "keeps everyone's vote private.</p>\n") + venueTable(round)
    }

    /// *(addition)* "Votes by venue", for a show held in several venues.
    private func venueTable(_ round: RoundReport) -> String {
        guard let venue = round.byVenue else { return "" }
        return splitTable(round, groups: venue.groups, hidden: venue.hidden, by: "venue")
            + (venue.withheld == nil
                ? ""
                : "<p>Not shown by venue: this round is shown by perspective or by place, and one split per "
                    + "round keeps everyone's vote private.</p>\n")
    }

    private func splitTable(_ round: RoundReport, groups: [GroupReport], hidden: [String], by: String) -> String {
        guard !groups.isEmpty else {
            return hidden.isEmpty
                ? ""
                : "<p>Not shown by \(by): the groups are too small to keep everyone's vote private.</p>\n"
        }
        var html = "<table class=\"split\">\n<caption>Votes by \(by)</caption>\n<thead><tr>"
        html +=
            "<th scope=\"col\">\(["perspective": "Perspective", "place": "Place", "venue": "Venue"][by] ?? "Group")</th><th scope=\"col\">People</th>"
        for (index, _) in round.options.enumerated() { html += "<th scope=\"col\">Option \(index + 1)</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for group in groups {
            html += "<tr><th scope=\"row\">\(HTMLText.escape(group.label))</th><td>\(group.voters)</td>"
            for option in round.options {
                let votes = group.votes[option.id] ?? 0
                let share = group.voters > 0 ? 100 * Double(votes) / Double(group.voters) : nil
                html += "<td>\(votes) (\(HTMLText.percent(share)))</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if report.edition == .community && !hidden.isEmpty {
            html += "<p class=\"small\">Groups of fewer than 5 people are counted together in “Everyone else”, "
            html += "with another group if needed, so no one's vote can be worked out.</p>\n"
        }
        return html
    }

    private func replaySection(_ replay: ReplayReport) -> String {
        var html = "<div class=\"replay\">\n<h4>Before and after the replay</h4>\n"
        if let before = report.rounds.first(where: { $0.round == replay.replayOf }),
            let after = report.rounds.first(where: { $0.round == replay.round })
        {
            html += "<table class=\"beforeafter\">\n<caption>Votes before (vote \(HTMLText.escape(before.round))) "
            html +=
                "and after (vote \(HTMLText.escape(after.round)))</caption>\n<thead><tr><th scope=\"col\">Option</th>"
            html += "<th scope=\"col\">Before</th><th scope=\"col\">After</th></tr></thead>\n<tbody>\n"
            for option in after.options {
                let old = before.options.first { $0.id == option.id }
                html += "<tr><th scope=\"row\">\(HTMLText.escape(option.label))</th>"
                html += "<td>\(cell(old))</td><td>\(cell(option))</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        html += "<p>\(HTMLText.escape(replay.summary))</p>\n"
        if !replay.transitions.isEmpty {
            html += "<table class=\"moves\">\n<caption>Who changed their mind, from what to what</caption>\n"
            html += "<thead><tr><th scope=\"col\">From</th><th scope=\"col\">To</th><th scope=\"col\">People</th>"
            html += "</tr></thead>\n<tbody>\n"
            for move in replay.transitions {
                html += "<tr><td>\(optionLabel(move.from, round: replay.replayOf))</td>"
                html += "<td>\(optionLabel(move.to, round: replay.round))</td><td>\(move.people)</td></tr>\n"
            }
            html += "</tbody>\n</table>\n"
        }
        return html + "</div>\n"
    }

    private func cell(_ option: OptionReport?) -> String {
        guard let option, let votes = option.votes else { return "not shown" }
        return "\(votes) (\(HTMLText.percent(option.percent)))"
    }

    func notesSection() -> String {
        let loose = report.notes.filter { note in
            note.round == nil || !report.rounds.contains { $0.round == note.round }
        }
        guard !loose.isEmpty else { return "" }
        var html = "<section aria-labelledby=\"notes-h\">\n<h2 id=\"notes-h\">Other facilitator's notes</h2>\n<ul>\n"
        for note in loose {
            let place = note.scene.map { " (scene “\(HTMLText.escape($0))”)" } ?? ""
            html += "<li>\(HTMLText.escape(note.text))\(place)</li>\n"
        }
        return html + "</ul>\n</section>\n"
    }
}
