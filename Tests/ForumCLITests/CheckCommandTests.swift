import Foundation
import Testing

/// Golden tests of `forum check`: the built binary runs in a fixture folder, and its output
/// and exit status must match the fixture's `expected.txt` exactly.
///
/// Each fixture folder holds a `scenarios/` folder with one kind of mistake (or none) and
/// the expected output. To accept new output after a deliberate change, run the tests with
/// `FORUM_UPDATE_GOLDEN=1` and review the diff of the `expected.txt` files.
@Suite("forum check")
struct CheckCommandTests {
    /// One run of `forum check`: the fixture folder it runs in, its arguments and exit status.
    struct Case: Sendable, CustomStringConvertible {
        var fixture: String
        var arguments: [String] = []
        var status: Int32

        var description: String { ([fixture] + arguments).joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(fixture: "good", status: 0),
        Case(fixture: "warnings", status: 0),
        Case(fixture: "yaml-syntax", status: 1),
        Case(fixture: "unknown-keys", status: 1),
        Case(fixture: "wrong-types", status: 1),
        Case(fixture: "missing-keys", status: 1),
        Case(fixture: "duplicate-ids", status: 1),
        Case(fixture: "broken-links", status: 1),
        Case(fixture: "next-and-decision", status: 1),
        Case(fixture: "option-count", status: 1),
        Case(fixture: "images", status: 1),
        Case(fixture: "bad-ids", status: 1),
        Case(fixture: "event-file", status: 1),
        Case(fixture: "support-lines", status: 1),
        Case(fixture: "encoding", status: 1),
        Case(fixture: "no-stories", status: 1),
        Case(fixture: "yml-only", status: 1),
        Case(fixture: "missing-folder", status: 1),
        Case(
            fixture: "single-files", arguments: ["scenarios/coming-home.yaml", "scenarios/event.yaml"],
            status: 1),
    ]

    @Test("output and exit status match the fixture's expected.txt", arguments: cases)
    func golden(_ check: Case) throws {
        let folder = try Fixtures.folder(check.fixture)
        let run = try ForumBinary.run(["check"] + check.arguments, in: folder)
        #expect(run.stderr == "")
        #expect(run.status == check.status)
        let expected = try String(
            contentsOf: folder.appendingPathComponent("expected.txt"), encoding: .utf8)
        if ProcessInfo.processInfo.environment["FORUM_UPDATE_GOLDEN"] == "1", run.stdout != expected {
            try Fixtures.updateExpected(check.fixture, to: run.stdout)
        }
        #expect(run.stdout == expected)
    }

    @Test("a folder path given with a trailing slash prints the same paths")
    func trailingSlash() throws {
        let folder = try Fixtures.folder("next-and-decision")
        let plain = try ForumBinary.run(["check", "scenarios"], in: folder)
        let slashed = try ForumBinary.run(["check", "scenarios/"], in: folder)
        #expect(slashed.stdout == plain.stdout)
        #expect(plain.stdout.hasPrefix("scenarios/sams-night.yaml:5:5: error: "))
    }

    @Test("several folders are checked one after the other, with one summary")
    func severalFolders() throws {
        let fixtures = try Fixtures.folder("good").deletingLastPathComponent()
        let run = try ForumBinary.run(
            ["check", "good/scenarios", "option-count/scenarios"], in: fixtures)
        #expect(run.status == 1)
        #expect(
            run.stdout.components(separatedBy: "\n").filter { $0.contains(": error: ") } == [
                "option-count/scenarios/sams-night.yaml:7:7: error: a decision needs at least 2 options, but this "
                    + "one has 1 option",
                "option-count/scenarios/sams-night.yaml:13:7: error: a decision can have at most 8 options, but "
                    + "this one has 9 options",
            ])
        #expect(run.stdout.hasSuffix("\n2 errors, 0 warnings in 4 files\n"))
    }

    @Test("a path that is neither a folder nor a story file is refused")
    func notAStoryFile() throws {
        let folder = try Fixtures.folder("images")
        let run = try ForumBinary.run(["check", "scenarios/images/kitchen.svg"], in: folder)
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                scenarios/images/kitchen.svg: error: `scenarios/images/kitchen.svg` is not a story file: story \
                files end in `.yaml`
                  hint: rename the story so it ends in `.yaml`, or leave this file out
                1 error, 0 warnings; no files checked

                """)
    }
}

/// The fixture folders, as copied into the test bundle's resources.
enum Fixtures {
    /// The folder of one fixture.
    static func folder(_ name: String) throws -> URL {
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let folder = root.appendingPathComponent(name, isDirectory: true)
        try #require(FileManager.default.fileExists(atPath: folder.path), "no fixture folder \(name)")
        return folder
    }

    /// Rewrites a fixture's `expected.txt` in the source tree (not the bundle's copy).
    static func updateExpected(_ name: String, to output: String, source: String = #filePath) throws {
        let file = URL(fileURLWithPath: source).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name).appendingPathComponent(
                "expected.txt")
        try output.write(to: file, atomically: true, encoding: .utf8)
    }
}

/// The `forum` executable built alongside the tests.
enum ForumBinary {
    /// What one run printed and how it ended.
    struct Run {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The built `forum`, found in the products folder that holds this test bundle.
    static func url() throws -> URL {
        var folder = Bundle.module.bundleURL.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("forum")
            if FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        throw BinaryNotFound(searchedFrom: Bundle.module.bundleURL.path)
    }

    /// Runs `forum` with `arguments` in the working directory `folder` and waits for it.
    static func run(_ arguments: [String], in folder: URL) throws -> Run {
        let process = Process()
        process.executableURL = try url()
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self),
            status: process.terminationStatus)
    }

    /// The products folder has no `forum` executable next to the tests.
    struct BinaryNotFound: Error, CustomStringConvertible {
        var searchedFrom: String
        var description: String { "no built `forum` executable found near \(searchedFrom)" }
    }
}
