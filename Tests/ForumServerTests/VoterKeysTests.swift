import ForumCore
import ForumStore
import Foundation
import Testing

@testable import ForumExport

/// The pseudonymous voter key: random per export, stable within one export, never the token.
@Suite struct VoterKeysTests {
    typealias F = StoreFixtures

    /// A small deterministic generator (SplitMix64), for drawing the same keys twice.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Draws the same character for the first two keys (one call each, never rejected):
    /// the second key clashes with the first and must be drawn again.
    struct Stuck: RandomNumberGenerator {
        var calls = 0
        mutating func next() -> UInt64 {
            calls += 1
            return calls <= 2 * VoterKeys.length ? 1 << 63 : UInt64(calls) &* 0x9E37_79B9_7F4A_7C15
        }
    }

    @Test func aDeviceKeepsItsKeyAndKeysAreUniqueAndShaped() {
        let devices = ["tok-a", "tok-b", "tok-a", "tok-c", "tok-b"]
        let keys = VoterKeys(devices)
        let a = keys.key(for: "tok-a")
        #expect(a != nil && a == keys.key(for: "tok-a"))
        let all = ["tok-a", "tok-b", "tok-c"].compactMap { keys.key(for: $0) }
        #expect(Set(all).count == 3)
        #expect(all.allSatisfy { $0.wholeMatch(of: /V[2-9a-z]{8}/) != nil })
        #expect(!all.contains { $0.contains("tok") })
        #expect(keys.key(for: "tok-z") == nil)
    }

    @Test func aSeededGeneratorDrawsTheSameKeysAndACollisionIsDrawnAgain() {
        var first = Seeded(state: 7)
        var second = Seeded(state: 7)
        #expect(
            VoterKeys(["a", "b"], using: &first).key(for: "b") == VoterKeys(["a", "b"], using: &second).key(for: "b"))
        var stuck = Stuck()
        let keys = VoterKeys(["a", "b"], using: &stuck)
        #expect(keys.key(for: "a") == "V" + String(repeating: String(VoterKeys.alphabet[15]), count: VoterKeys.length))
        #expect(keys.key(for: "b") != keys.key(for: "a") && stuck.calls > 2 * VoterKeys.length)
    }

    /// Round D1 and D2 (a second vote on the same options): a, b and c vote in both, d in D1
    /// only, e in D2 only.
    static func makeShow(at path: String) throws {
        let database = try F.database(at: path, devices: ["a", "b", "c", "d", "e"])
        try database.write([
            F.vote("a", "police"), F.vote("b", "wait"), F.vote("c", "police"), F.vote("d", "crisis-line"),
            .roundStatus(RoundStatusChange(roundID: "D1", status: .closed, at: F.time(4))),
            F.round("D2", at: 5),
            F.vote("e", "wait", round: "D2", at: 6), F.vote("c", "crisis-line", round: "D2", at: 6),
            F.vote("a", "police", round: "D2", at: 7), F.vote("b", "crisis-line", round: "D2", at: 8),
        ])
    }

    /// Who voted what, by key: [key: [round: option]].
    static func ballots(_ out: URL) throws -> [String: [String: String]] {
        let rows = try ExportJSON.rows(out.appendingPathComponent("votes.json"))
        var byVoter: [String: [String: String]] = [:]
        for row in rows {
            let voter = try #require(row["voter"]?.stringValue)
            byVoter[voter, default: [:]][try #require(row["round"]?.stringValue)] = row["option"]?.stringValue
        }
        return byVoter
    }

    @Test func twoExportsOfOneDatabaseGiveOtherKeysAndTheSamePairs() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("show.sqlite")
        try Self.makeShow(at: path)
        let one = directory.url.appendingPathComponent("one")
        let two = directory.url.appendingPathComponent("two")
        _ = try Exporter(databasePath: path).export(to: one)
        _ = try Exporter(databasePath: path).export(to: two)
        let first = try Self.ballots(one)
        let second = try Self.ballots(two)
        #expect(first.count == 5 && second.count == 5)
        // Other keys (a clash of 40-bit random keys is a chance of about 1 in 10^10) ...
        #expect(Set(first.keys).isDisjoint(with: second.keys))
        // ... and the same people: each person's votes across the rounds, paired the same way.
        func people(_ ballots: [String: [String: String]]) -> [String] {
            ballots.values.map { $0.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",") }
                .sorted()
        }
        #expect(people(first) == people(second))
        let pairedBoth = first.values.filter { $0.count == 2 }.map { "\($0["D1"]!)>\($0["D2"]!)" }.sorted()
        #expect(pairedBoth == ["police>crisis-line", "police>police", "wait>crisis-line"])
    }
}
