import Foundation
import Testing

@testable import ForumServer

/// A server killed without warning leaves its staged folders; the next one removes them,
/// and never a running server's, nor anything not named as a staged folder.
@Suite struct StagingFolderTests {
    @Test func foldersOfServersNoLongerRunningAreRemovedAndNothingElse() throws {
        let directory = try TemporaryDirectory()
        let base = URL(fileURLWithPath: directory.path(""))
        let running: Set<pid_t> = [4242]
        func folder(_ name: String) throws -> URL {
            let url = base.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return url
        }
        let dead = try folder("forum-qr-31337-\(UUID().uuidString)")
        let alive = try folder("forum-qr-4242-\(UUID().uuidString)")
        let mine = StagingFolder.make("forum-qr", in: base)
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        let old = try folder("forum-qr-\(UUID().uuidString)")  // named before folders carried a pid
        let other = try folder("forum-qr-notes")
        let otherKind = try folder("forum-pages-gz-31337-\(UUID().uuidString)")
        let removed = StagingFolder.removeAbandoned("forum-qr", in: base) { running.contains($0) }
        #expect(removed == 1)
        let exists = { (url: URL) in FileManager.default.fileExists(atPath: url.path) }
        #expect(!exists(dead))
        #expect(exists(alive) && exists(mine) && exists(old) && exists(other) && exists(otherKind))
    }

    @Test func thisProcessIsRunning() {
        #expect(StagingFolder.isRunning(getpid()))
    }
}
