#if canImport(Glibc)
    import Glibc
#endif

/// CPU used by the server and by the bench over one phase, to show which side was busy.
struct PhaseUsage {
    var name: String
    var wallSeconds: Double
    var serverCPUSeconds: Double
    var benchCPUSeconds: Double

    /// Percent of one core.
    var serverPercent: Double { wallSeconds > 0 ? 100 * serverCPUSeconds / wallSeconds : 0 }
    var benchPercent: Double { wallSeconds > 0 ? 100 * benchCPUSeconds / wallSeconds : 0 }

    var json: ReportJSON {
        .object([
            ("phase", .string(name)), ("wall_s", .number(wallSeconds)), ("server_cpu_s", .number(serverCPUSeconds)),
            ("bench_cpu_s", .number(benchCPUSeconds)),
        ])
    }
}

/// Takes the CPU readings at the start of a phase and turns them into a ``PhaseUsage``.
struct UsageMeter {
    private let server: ServerProcess
    private var wall: UInt64
    private var serverCPU: Double
    private var benchCPU: Double

    init(server: ServerProcess) {
        self.server = server
        wall = Clock.now()
        serverCPU = server.cpuSeconds()
        benchCPU = Self.ownCPUSeconds()
    }

    /// The usage since the last reading; starts the next phase.
    mutating func phase(_ name: String) -> PhaseUsage {
        let (nowWall, nowServer, nowBench) = (Clock.now(), server.cpuSeconds(), Self.ownCPUSeconds())
        defer { (wall, serverCPU, benchCPU) = (nowWall, nowServer, nowBench) }
        return PhaseUsage(
            name: name, wallSeconds: Clock.seconds(from: wall, to: nowWall), serverCPUSeconds: nowServer - serverCPU,
            benchCPUSeconds: nowBench - benchCPU)
    }

    private static func ownCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ value: timeval) -> Double { Double(value.tv_sec) + Double(value.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
