import Foundation

/// One run of the venues mode: the phones spread over venues of one shared show that are
/// already running (`--venue-url`, started by bench/venues/run), the host at the first venue;
/// join, the scene's fan-out to every venue, merged vote bursts, the archive.
struct VenuesRun {
    let options: ForumBench

    /// Runs the phases against the venues and returns the report.
    func run() throws(BenchFailure) -> VenuesReport {
        let endpoints = try options.venueURLs.map { (url: String) throws(BenchFailure) in try Endpoint(url: url) }
        let names =
            options.venueNames.isEmpty ? endpoints.indices.map { "venue \($0 + 1)" } : options.venueNames
        let machine = Machine.prepare(workDirectory: FileManager.default.temporaryDirectory.path)
        guard machine.openFiles.soft >= options.phones + 64 else {
            throw BenchFailure(
                "\(options.phones) phones need \(options.phones + 64) open files but the limit is "
                    + "\(machine.openFiles.soft) (hard \(machine.openFiles.hard)): raise it with ulimit -n")
        }
        let bench = Bench(
            pool: try ConnectionPool(endpoints: endpoints), hostKey: options.hostKey ?? "", venues: endpoints.count)
        let hostReconnects = try bench.joinHost()
        let stage = try bench.prepareStage(story: options.story)
        let join = try bench.joinPhones(count: options.phones, window: options.joinWindow)
        bench.pool.pump(milliseconds: 300)
        let fanOut = try bench.fanOut(stage: stage, repetitions: options.fanouts)
        let archive = options.venueArchive.map { ArchiveWatch(path: $0) }
        let bursts = try bench.mergedBursts(
            stage: stage, rounds: options.bursts, archive: archive, venueNames: names)
        // Let the venues' next reports (4 a second) reach the host before reading its lines.
        bench.pool.pump(milliseconds: 600)
        let seen = bench.host.state?.venues ?? []
        bench.closing = true
        bench.pool.closeAll()
        return VenuesReport(
            phones: options.phones, venues: zip(names, endpoints.map(\.url)).map { ($0, $1) },
            phonesPerVenue: endpoints.indices.map { venue in bench.phones.count { $0.venue == venue } },
            machine: machine, join: join, fanOut: fanOut, first: bursts.first, changed: bursts.changed,
            ackedPerVenue: bench.ackedPerVenue, archive: archive?.path, hostSaw: seen, hostReconnects: hostReconnects)
    }
}
