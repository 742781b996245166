import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One run of the bench: a fresh folder and server, the phases in order, the report.
struct BenchRun {
    let options: ForumBench
    let hostKey = "bench-\(UInt64.random(in: 0...UInt64.max))"

    /// Runs every phase; the server is stopped and the folder removed whatever happens.
    func run() throws(BenchFailure) -> Report {
        let folder = try makeFolder()
        defer { if !options.keep { try? FileManager.default.removeItem(atPath: folder) } }
        let machine = Machine.prepare(workDirectory: folder)
        guard machine.openFiles.soft >= options.phones + 64 else {
            throw BenchFailure(
                "\(options.phones) phones need \(options.phones + 64) open files but the limit is "
                    + "\(machine.openFiles.soft) (hard \(machine.openFiles.hard)): raise it with ulimit -n")
        }
        let server = try ServerProcess(
            forum: options.forumPath, scenarios: options.scenarios, web: options.web, workDirectory: folder,
            hostKey: hostKey, openFiles: options.serverOpenFiles)
        defer { server.stop() }
        do {
            return try measure(server: server, machine: machine, folder: folder)
        } catch {
            let where_ = options.keep ? " (kept in \(folder))" : ""
            throw BenchFailure(
                "\(error.description)\n--- last lines of the server's log\(where_):\n\(server.logTail())")
        }
    }

    private func measure(server: ServerProcess, machine: Machine, folder: String) throws(BenchFailure) -> Report {
        let bench = Bench(pool: try ConnectionPool(port: server.port), hostKey: hostKey)
        bench.acceptOverloaded = options.acceptOverloaded
        bench.serverCPUSeconds = { server.cpuSeconds() }
        let openFiles = server.openFileLimits()
        if let soft = openFiles.soft, soft < options.phones + 32 {
            FileHandle.standardError.write(
                Data(
                    ("forum-bench: warning: the server may open only \(soft) files, too few for "
                        + "\(options.phones) phones: expect phones to be refused (raise ulimit -n)\n").utf8))
        }
        let hostReconnects = try bench.joinHost()
        bench.pool.pump(milliseconds: 300)
        var memory = [("idle", server.memory().rss)]
        let stage = try bench.prepareStage(story: options.story)
        var meter = UsageMeter(server: server)
        let join = try bench.joinPhones(count: options.phones, window: options.joinWindow)
        var usage = [meter.phase("join")]
        bench.pool.pump(milliseconds: 300)
        memory.append(("\(options.phones) phones", server.memory().rss))
        _ = meter.phase("settle")
        let fanOut = try bench.fanOut(stage: stage, repetitions: options.fanouts)
        usage.append(meter.phase("fan-out"))
        let bursts = try bench.bursts(stage: stage, rounds: options.bursts)
        usage.append(meter.phase("bursts"))
        memory.append(("after bursts", server.memory().rss))
        var sustained: SustainedResult?
        if options.sustainedSeconds > 0 {
            sustained = try bench.sustained(
                stage: stage, rate: options.sustainedRate, seconds: options.sustainedSeconds)
            usage.append(meter.phase("sustained"))
            memory.append(("after sustained", server.memory().rss))
        }
        let peak = server.memory().peak
        let running = server.databaseBytes()
        bench.closing = true
        bench.pool.closeAll()
        let status = server.stop()
        guard status == 0 else {
            throw BenchFailure("forum serve exited with status \(status) when asked to stop")
        }
        return Report(
            phones: options.phones, forum: options.forumPath, serverPID: server.pid, port: server.port,
            machine: machine, serverOpenFiles: openFiles.text, join: join, fanOut: fanOut, bursts: bursts,
            sustained: sustained, memory: memory, peakKiB: peak, databaseRunning: running,
            databaseStopped: server.databaseBytes(), usage: usage, hostReconnects: hostReconnects,
            pongs: bench.pool.pongsSent, keptIn: options.keep ? folder : nil)
    }

    /// A fresh folder for the database and the log, on the disk of --work-dir.
    private func makeFolder() throws(BenchFailure) -> String {
        let root = options.workDirectory ?? FileManager.default.temporaryDirectory.path
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        var template = Array((root + "/forum-bench-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw BenchFailure("cannot make a folder in \(root): \(String(cString: strerror(errno)))")
        }
        return URL(fileURLWithPath: String(cString: made)).standardizedFileURL.path
    }
}
