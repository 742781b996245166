import Foundation

/// Everything one run measured, as the table people read and the JSON machines read.
struct Report {
    var phones: Int
    var forum: String
    var serverPID: Int32
    var port: Int
    var machine: Machine
    var serverOpenFiles: String
    var join: JoinResult
    var fanOut: FanOutResult
    var bursts: BurstsResult
    var sustained: SustainedResult?
    /// Server VmRSS in KiB at each moment, in order, and its peak (VmHWM).
    var memory: [(moment: String, kib: Int)]
    var peakKiB: Int
    var databaseRunning: (database: Int, wal: Int)
    var databaseStopped: (database: Int, wal: Int)
    var usage: [PhaseUsage]
    /// Times the host had to reconnect because its first connection got no welcome.
    var hostReconnects: Int
    /// Server pings the phones and the host answered.
    var pongs: Int
    /// Where the database and the log were kept (`--keep`).
    var keptIn: String?

    // MARK: Table

    /// The human-readable report.
    var table: String {
        var lines = [
            "Forum benchmark: \(phones) phones against forum serve (pid \(serverPID), 127.0.0.1:\(port))",
            "  server binary: \(forum)",
            "  machine: \(machine.processors) × \(machine.cpuModel), load average \(machine.loadAverage) at start",
            "  database on \(machine.disk)"
                + (machine.diskIsMemory ? "  WARNING: in memory, fsync is free: use --work-dir on a disk" : ""),
            "  open files: bench \(machine.openFiles.soft) soft / \(machine.openFiles.hard) hard; server \(serverOpenFiles)",
            "",
            Self.row("latency (ms)", "n", "p50", "p95", "p99", "max"),
            Self.rule,
        ]
        lines.append(Self.row("join: connect → welcome+state", join.latency))
        lines.append(Self.row("fan-out: goto → every phone has it", fanOut.everyPhone))
        lines.append(Self.row("fan-out: goto → one phone has it", fanOut.perPhone))
        lines.append(Self.row("burst: first vote → ack", Percentiles(bursts.first.flatMap(\.latencies))))
        lines.append(Self.row("burst: changed vote → ack", Percentiles(bursts.changed.flatMap(\.latencies))))
        if let sustained {
            lines.append(Self.row("sustained \(Self.format(sustained.rate, 0))/s: vote → ack", sustained.latency))
        }
        lines.append(Self.rule)
        lines.append(
            "join: \(join.phones) phones in \(Self.format(join.seconds, 2)) s = \(Self.format(join.perSecond, 0)) "
                + "connections/s (\(join.window) joining at a time)")
        lines.append(burstLine("first votes", bursts.first))
        lines.append(burstLine("changed votes", bursts.changed))
        if let rate = bursts.votesPerServerCPUSecond {
            lines.append(
                "  votes stored per server CPU-second over the bursts' votes alone (first vote to last ack): "
                    + Self.format(rate, 0))
        }
        let sending = Percentiles(bursts.first.map(\.sendMilliseconds) + bursts.changed.map(\.sendMilliseconds))
        lines.append("  (sending one burst's \(phones) votes took \(Self.format(sending.p50, 1)) ms median)")
        lines.append(
            "tally: the host saw exactly \(phones) votes, each for the phone's last option, in all \(bursts.first.count) "
                + "rounds (before and after reveal); every phone's my_vote matched")
        if let sustained { lines += sustainedLines(sustained) }
        let memoryText = memory.map { "\($0.moment) \(Self.mebibytes($0.kib))" }.joined(separator: ", ")
        lines.append("server memory (VmRSS): \(memoryText); peak \(Self.mebibytes(peakKiB))")
        lines.append(
            "SQLite: \(Self.mebibytes(databaseRunning.database / 1024)) database + "
                + "\(Self.mebibytes(databaseRunning.wal / 1024)) WAL while running; "
                + "\(Self.mebibytes((databaseStopped.database + databaseStopped.wal) / 1024)) after stop")
        let cpu = usage.map {
            "\($0.name) \(Self.format($0.serverPercent, 0))% / \(Self.format($0.benchPercent, 0))%"
        }
        lines.append("CPU of one core, server / bench: " + cpu.joined(separator: ", "))
        lines.append("keep-alive: \(pongs) WebSocket pings from the server answered")
        if let keptIn { lines.append("database and server log kept in \(keptIn)") }
        if hostReconnects > 0 {
            lines.append(
                "note: the host's first connection got no welcome within 3 s (made while the server was starting); "
                    + "it reconnected \(hostReconnects) time(s)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func burstLine(_ what: String, _ runs: [BurstResult]) -> String {
        let times = runs.map(\.seconds).sorted()
        let median = times[times.count / 2]
        let rates = runs.map(\.acksPerSecond).sorted()
        return "burst, \(what): all \(phones) acked in \(Self.format(median, 3)) s median "
            + "(\(Self.format(times.first!, 3))–\(Self.format(times.last!, 3)) over \(runs.count)) = "
            + "\(Self.format(rates[rates.count / 2], 0)) acks/s"
    }

    private func sustainedLines(_ result: SustainedResult) -> [String] {
        var lines = [
            "sustained: \(result.votes) votes over \(Self.format(result.seconds, 0)) s at \(Self.format(result.rate, 0))/s"
                + (result.rate < result.requestedRate
                    ? " (asked \(Self.format(result.requestedRate, 0))/s; capped at \(Self.format(Bench.perPhoneRateCap, 0))/s per phone)"
                    : "")
                + ": sent \(Self.format(result.sentPerSecond, 1))/s, acked \(Self.format(result.ackedPerSecond, 1))/s",
            "  rate limit respected: \(Self.format(result.perPhoneRate, 2)) votes/s per phone (server allows 20/s, "
                + "bursts of 40); lowest bucket over the run \(Self.format(result.lowestTokens, 1)) of 40 tokens, "
                + "no rate_limited error",
        ]
        if let (second, worst) = result.worstSecond {
            lines.append(
                "  slowest second: votes sent in second \(second) took p50 \(Self.format(worst.p50, 1)) ms, "
                    + "max \(Self.format(worst.max, 1)) ms")
        }
        if result.refused > 0 {
            lines.append(
                "  refused as overloaded: \(result.refused) of \(result.votes) "
                    + "(\(Self.format(Double(result.refused) / result.seconds, 0))/s), each answered at once")
        }
        lines.append("  tally after sustained votes: exact")
        return lines
    }

    static let rule = String(repeating: "-", count: 88)

    static func row(_ label: String, _ values: String...) -> String {
        label.padding(toLength: 42, withPad: " ", startingAt: 0)
            + values.map { String(repeating: " ", count: max(0, 9 - $0.count)) + $0 }.joined()
    }

    static func row(_ label: String, _ stats: Percentiles) -> String {
        row(
            label, String(stats.count), format(stats.p50, 1), format(stats.p95, 1), format(stats.p99, 1),
            format(stats.max, 1))
    }

    /// `value` with `decimals` digits after the point.
    static func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    private static func mebibytes(_ kib: Int) -> String {
        format(Double(kib) / 1024, 1) + " MiB"
    }

    // MARK: JSON

    /// The machine-readable report.
    var json: ReportJSON {
        func burstJSON(_ runs: [BurstResult]) -> ReportJSON {
            .object([
                ("latency", Percentiles(runs.flatMap(\.latencies)).json),
                ("all_acked_s", .array(runs.map { .number($0.seconds) })),
                ("acks_per_s", .array(runs.map { .number($0.acksPerSecond) })),
                ("send_ms", .array(runs.map { .number($0.sendMilliseconds) })),
                ("server_cpu_s", .array(runs.map { .number($0.serverCPUSeconds) })),
            ])
        }
        var members: [(String, ReportJSON)] = [
            ("phones", .int(phones)), ("forum", .string(forum)), ("machine", machine.json),
            ("server_open_files", .string(serverOpenFiles)),
            (
                "join",
                .object([
                    ("seconds", .number(join.seconds)), ("connections_per_s", .number(join.perSecond)),
                    ("window", .int(join.window)), ("latency", join.latency.json),
                ])
            ),
            (
                "fan_out",
                .object([
                    ("repetitions", .int(fanOut.repetitions)), ("every_phone", fanOut.everyPhone.json),
                    ("per_phone", fanOut.perPhone.json),
                ])
            ),
            (
                "bursts",
                .object([
                    ("first", burstJSON(bursts.first)), ("changed", burstJSON(bursts.changed)),
                    ("votes_per_server_cpu_s", bursts.votesPerServerCPUSecond.map { .number($0) } ?? .null),
                ])
            ),
        ]
        if let sustained {
            members.append(
                (
                    "sustained",
                    .object([
                        ("requested_rate", .number(sustained.requestedRate)), ("rate", .number(sustained.rate)),
                        ("seconds", .number(sustained.seconds)), ("votes", .int(sustained.votes)),
                        ("latency", sustained.latency.json), ("sent_per_s", .number(sustained.sentPerSecond)),
                        ("acked_per_s", .number(sustained.ackedPerSecond)), ("refused", .int(sustained.refused)),
                        ("per_phone_rate", .number(sustained.perPhoneRate)),
                        ("lowest_tokens", .number(sustained.lowestTokens)),
                        ("per_second", .array(sustained.perSecond.map(\.json))),
                    ])
                ))
        }
        members += [
            ("rss_kib", .object(memory.map { ($0.moment, .int($0.kib)) })), ("peak_rss_kib", .int(peakKiB)),
            (
                "sqlite_bytes",
                .object([
                    ("database_running", .int(databaseRunning.database)), ("wal_running", .int(databaseRunning.wal)),
                    ("after_stop", .int(databaseStopped.database + databaseStopped.wal)),
                ])
            ),
            ("cpu", .array(usage.map(\.json))), ("host_reconnects", .int(hostReconnects)),
            ("pongs", .int(pongs)),
            ("correct", .bool(true)),
        ]
        return .object(members)
    }
}
