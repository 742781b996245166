import ForumCore

/// The report as one stand-alone HTML page: inline CSS and SVG, no script, no outside request,
/// a print style sheet for A4. Every chart is decorative for screen readers and has a table
/// or text saying the same. Community text is escaped (``HTMLText``).
public struct ReportHTML: Sendable {
    public var report: Report
    /// The stories run, for their maps (a run whose story is missing gets its route as text only).
    public var stories: [Story]

    /// A renderer for `report`.
    public init(report: Report, stories: [Story]) {
        self.report = report
        self.stories = stories
    }

    /// The whole page.
    public func render() -> String {
        let title = HTMLText.escape(report.event.title)
        var html = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title): report</title>
            <style>\(ReportStyle.css)</style>
            </head>
            <body>

            """
        // The banner in a repeated table header: printed at the top of every page.
        html += "<table class=\"page\" role=\"presentation\"><thead><tr><td>" + editionBanner() + "</td></tr></thead>"
        html += "<tbody><tr><td>\n<main>\n<h1>\(title)</h1>\n"
        html += eventSection()
        html += ReportHTML.howToRead
        for run in report.runs { html += runSection(run) }
        html += voiceSection()
        html += notesSection()
        html += "</main>\n</td></tr></tbody></table>\n</body>\n</html>\n"
        return html
    }

    private func editionBanner() -> String {
        switch report.edition {
        case .community:
            return "<p class=\"edition\">Community edition: safe to share. No group of fewer than 5 people "
                + "can be seen or worked out.</p>\n"
        case .organisers:
            return "<p class=\"edition organisers\"><strong>Organisers' edition: exact counts, not for "
                + "publication.</strong> Share the community edition instead.</p>\n"
        }
    }

    private func eventSection() -> String {
        let event = report.event
        var html = "<section class=\"event\" aria-labelledby=\"event-h\">\n<h2 id=\"event-h\">The event</h2>\n<dl>\n"
        func item(_ term: String, _ value: String) { html += "<dt>\(term)</dt><dd>\(value)</dd>\n" }
        item("Date", HTMLText.escape(event.date ?? "No story was run"))
        item("Sessions", event.sessions.map { HTMLText.escape($0.title) }.joined(separator: ", "))
        item("Stories run", "\(event.storiesRun)")
        item("Phones that voted", "\(event.phones)")
        item("Votes cast", "\(event.votesCast)")
        let perspectives = event.perspectives.map { p in
            HTMLText.escape(p.label) + " (" + (p.phones.map(String.init) ?? "fewer than 5") + ")"
        }
        item("Perspectives present", perspectives.isEmpty ? "None given" : perspectives.joined(separator: ", "))
        if let venues = event.venues { item("Venues", Self.venues(venues)) }
        return html + "</dl>\n</section>\n"
    }

    static let howToRead = """
        <section class="read" aria-labelledby="read-h">
        <h2 id="read-h">How to read this report</h2>
        <p>Each vote shows how many people chose each option and what share of the votes that is. The \
        thin line on each bar, and the “could be” column, is the range where the share would probably \
        fall in another room like this one (a 95% Wilson interval). Rooms are small: when the ranges of \
        two options overlap, the vote cannot tell them apart.</p>
        <p>“Followed the room” means the show went on with the option most people chose; “host chose” \
        means the facilitator took another way, or the room had no clear winner.</p>
        </section>

        """

    private func runSection(_ run: RunReport) -> String {
        let heading = "run-\(HTMLText.escape(run.run))"
        var html = "<section class=\"run\" aria-labelledby=\"\(heading)\">\n"
        html += "<h2 id=\"\(heading)\">\(HTMLText.escape(run.storyTitle))</h2>\n"
        html += "<p class=\"meta\">Run \(HTMLText.escape(run.run)), started \(Self.time(run.startedAt))"
        html += run.endedAt.map { ", ended \(Self.time($0))" } ?? ", still running"
        html += ".</p>\n"
        if let story = stories.first(where: { $0.id == run.story }),
            let map = RouteMapSVG.svg(story: story, route: run.route)
        {
            html += "<figure class=\"mapfig\">" + map
            html += "<figcaption>The story's map: the scenes the room saw are dark, the way it took is the "
            html += "thick line. The same route is written out below.</figcaption></figure>\n"
        }
        html += "<h3>The route the room took</h3>\n<ol class=\"route\">\n"
        for step in run.route {
            html += "<li>" + HTMLText.escape(step.scene ?? "the end of the story")
            if let option = step.option, let followed = step.followedRoom {
                let label = optionLabel(option, round: step.round)
                html +=
                    followed
                    ? " <span class=\"mark followed\">followed the room</span> (“\(label)”)"
                    : " <span class=\"mark chose\">host chose</span> “\(label)”"
                        + (step.roomChoice.map { ", the room had chosen “\(optionLabel($0, round: step.round))”" }
                            ?? ", the room had no clear winner")
            } else if step.command == "replay" {
                html += " <span class=\"mark\">replayed</span>"
            }
            html += "</li>\n"
        }
        html += "</ol>\n"
        for round in report.rounds where round.run == run.run { html += roundSection(round) }
        return html + "</section>\n"
    }

    func optionLabel(_ id: String, round: String?) -> String {
        let label = report.rounds.first { $0.round == round }?.options.first { $0.id == id }?.label
        return HTMLText.escape(label ?? id)
    }

    static func time(_ stored: String) -> String {
        // 2025-05-14T09:03:21.123Z → 09:03 (UTC)
        stored.count >= 16 ? String(stored.dropFirst(11).prefix(5)) + " UTC" : HTMLText.escape(stored)
    }
}
