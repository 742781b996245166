import ForumCore

/// What a venues-mode run measured (one show in several venues), as a table and as JSON.
struct VenuesReport {
    var phones: Int
    /// Each venue's name and URL; the host is at the first.
    var venues: [(name: String, url: String)]
    var phonesPerVenue: [Int]
    var machine: Machine
    var join: JoinResult
    var fanOut: FanOutResult
    var first: [MergedBurstResult]
    var changed: [MergedBurstResult]
    var ackedPerVenue: [Int]
    /// The archive watched, if any.
    var archive: String?
    /// The venues' lines in the host's last state.
    var hostSaw: [VenueStatus]
    var hostReconnects: Int

    private var all: [MergedBurstResult] { first + changed }

    /// The human-readable report.
    var table: String {
        let spread = zip(venues, phonesPerVenue).map { "\($0.name) \($1)" }.joined(separator: ", ")
        var lines = [
            "Forum benchmark, one show in \(venues.count) venues: \(phones) phones (\(spread)), host at \(venues[0].name)",
            "  venues: " + venues.map { "\($0.name) \($0.url)" }.joined(separator: ", "),
            "  machine: \(machine.processors) × \(machine.cpuModel), load average \(machine.loadAverage) at start",
            "  open files: bench \(machine.openFiles.soft) soft / \(machine.openFiles.hard) hard",
            "",
            Report.row("latency (ms)", "n", "p50", "p95", "p99", "max"),
            Report.rule,
            Report.row("join: connect → welcome+state", join.latency),
        ]
        for (venue, stats) in zip(venues, fanOut.perVenue) {
            lines.append(Report.row("fan-out: goto → last phone at \(venue.name)", stats))
        }
        lines.append(Report.row("fan-out: goto → last phone anywhere", fanOut.everyPhone))
        lines.append(Report.row("fan-out: goto → one phone has it", fanOut.perPhone))
        lines.append(Report.row("burst: vote → ack at its venue", Percentiles(all.flatMap(\.burst.latencies))))
        lines.append(Report.row("burst: first vote → every ack", Percentiles(all.map { $0.burst.seconds * 1000 })))
        for (index, venue) in venues.enumerated() {
            let times = all.map { $0.burst.perVenueSeconds[index] * 1000 }
            lines.append(Report.row("burst: first vote → last ack at \(venue.name)", Percentiles(times)))
        }
        lines.append(
            Report.row("burst: first vote → host's merged tally", Percentiles(all.map { $0.mergedSeconds * 1000 })))
        let archived = all.compactMap(\.archiveSeconds).map { $0 * 1000 }
        if !archived.isEmpty {
            lines.append(Report.row("burst: first vote → all in the archive", Percentiles(archived)))
        }
        lines.append(Report.rule)
        lines.append(
            "join: \(join.phones) phones in \(Report.format(join.seconds, 2)) s = \(Report.format(join.perSecond, 0)) "
                + "connections/s (\(join.window) joining at a time)")
        lines.append(mergedLine("first votes", first))
        lines.append(mergedLine("changed votes", changed))
        lines.append(
            "tally: after every burst the host's merged tally counted exactly \(phones) votes, each for the phone's "
                + "last option, over \(first.count) round(s)")
        let acked = zip(venues, ackedPerVenue).map { "\($0.name) \($1)" }.joined(separator: ", ")
        if let archive {
            lines.append("archive \(archive): its votes per venue equal the acks each venue gave (\(acked))")
        } else {
            lines.append("votes acknowledged per venue: \(acked) (no archive watched)")
        }
        if !hostSaw.isEmpty {
            let text = hostSaw.map { "\($0.name) \($0.phones) phones/\($0.votes) votes/\($0.behind) behind" }
            lines.append("the host's venue lines at the end: " + text.joined(separator: ", "))
        }
        if hostReconnects > 0 { lines.append("note: the host reconnected \(hostReconnects) time(s) at the start") }
        return lines.joined(separator: "\n") + "\n"
    }

    private func mergedLine(_ what: String, _ runs: [MergedBurstResult]) -> String {
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        return "merged \(what): every phone acked in \(Report.format(median(runs.map(\.burst.seconds)), 3)) s, "
            + "the host's tally exact after \(Report.format(median(runs.map(\.mergedSeconds)), 3)) s = "
            + "\(Report.format(median(runs.map(\.mergedPerSecond)), 0)) merged votes/s (medians over \(runs.count))"
    }

    /// The machine-readable report.
    var json: ReportJSON {
        func bursts(_ runs: [MergedBurstResult]) -> ReportJSON {
            .array(
                runs.map { run in
                    .object([
                        ("votes", .int(run.votes)), ("latency", Percentiles(run.burst.latencies).json),
                        ("all_acked_s", .number(run.burst.seconds)),
                        ("acked_per_venue_s", .array(run.burst.perVenueSeconds.map { .number($0) })),
                        ("merged_tally_s", .number(run.mergedSeconds)),
                        ("merged_votes_per_s", .number(run.mergedPerSecond)),
                        ("archive_s", run.archiveSeconds.map { .number($0) } ?? .null),
                    ])
                })
        }
        let venueList: [ReportJSON] = venues.indices.map { index in
            .object([
                ("name", .string(venues[index].name)), ("url", .string(venues[index].url)),
                ("phones", .int(phonesPerVenue[index])), ("acked", .int(ackedPerVenue[index])),
                ("fan_out_last_phone", fanOut.perVenue[index].json),
            ])
        }
        return .object([
            ("phones", .int(phones)), ("venues", .array(venueList)), ("machine", machine.json),
            (
                "join",
                .object([
                    ("seconds", .number(join.seconds)), ("connections_per_s", .number(join.perSecond)),
                    ("latency", join.latency.json),
                ])
            ),
            (
                "fan_out",
                .object([
                    ("repetitions", .int(fanOut.repetitions)), ("every_phone", fanOut.everyPhone.json),
                    ("per_phone", fanOut.perPhone.json),
                ])
            ),
            ("bursts", .object([("first", bursts(first)), ("changed", bursts(changed))])),
            ("archive", archive.map { .string($0) } ?? .null), ("host_reconnects", .int(hostReconnects)),
            ("correct", .bool(true)),
        ])
    }
}
