import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What the bench ran on: processors, CPU model, the filesystem holding the database, and
/// the process's limit on open files (raised to the hard limit at start).
struct Machine {
    var processors: Int
    var cpuModel: String
    /// Device, mount point and filesystem type of the database's folder.
    var disk: String
    var openFiles: (soft: Int, hard: Int)
    /// The 1, 5 and 15 minute load averages when the bench started: other work on the
    /// machine shows up here and in the figures.
    var loadAverage: String

    /// True when the database is on tmpfs, where fsync costs nothing and the figures flatter.
    var diskIsMemory: Bool { disk.hasSuffix("(tmpfs)") || disk.hasSuffix("(ramfs)") }

    /// Raises this process's soft limit on open files to its hard limit, then describes the
    /// machine. The server started afterwards inherits the raised limit.
    static func prepare(workDirectory: String) -> Machine {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        if limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
            getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        }
        return Machine(
            processors: ProcessInfo.processInfo.activeProcessorCount, cpuModel: cpuModel(),
            disk: mount(of: workDirectory), openFiles: (Int(limit.rlim_cur), Int(limit.rlim_max)),
            loadAverage: loadAverage())
    }

    /// For the JSON report.
    var json: ReportJSON {
        .object([
            ("processors", .int(processors)), ("load_average", .string(loadAverage)), ("cpu_model", .string(cpuModel)),
            ("disk", .string(disk)),
            ("bench_open_files_soft", .int(openFiles.soft)), ("bench_open_files_hard", .int(openFiles.hard)),
        ])
    }

    private static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    private static func cpuModel() -> String {
        let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let line = info.split(separator: "\n").first { $0.hasPrefix("model name") }
        return line?.split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown"
    }

    /// The mount holding `path` (longest mount point that prefixes it), from /proc/mounts.
    private static func mount(of path: String) -> String {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let mounts = (try? String(contentsOfFile: "/proc/mounts", encoding: .utf8)) ?? ""
        var best: (point: String, text: String)?
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3 else { continue }
            let point = String(fields[1])
            let prefix = point == "/" ? "/" : point + "/"
            guard resolved == point || resolved.hasPrefix(prefix) else { continue }
            if best == nil || point.count > best!.point.count {
                best = (point, "\(fields[0]) on \(point) (\(fields[2]))")
            }
        }
        return best?.text ?? "unknown"
    }
}
