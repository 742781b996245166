import ForumCore
import PropertyBased
import Testing

/// The privacy rule over many random rooms, checked on what ``StateView`` really sends: from
/// what the screen and the phones get, nobody can work out the votes of fewer than 5 people;
/// the host gets everything exactly.
@Suite struct ShownSplitPropertyTests {
    /// A random room: how many options (2-8), then per perspective group and for the people
    /// with no perspective, each person's vote as an option index (taken modulo the options).
    struct Room: CustomStringConvertible {
        var options: [String]
        /// (perspective or nil, option id) per person.
        var people: [(perspective: String?, option: String)]

        init(optionCount: Int, groups: [[Int]], none: [Int]) {
            options = (0..<optionCount).map { "o\($0)" }
            people = []
            for (index, votes) in groups.enumerated() {
                people += votes.map { ("g\(index)", "o\($0 % optionCount)") }
            }
            people += none.map { (nil, "o\($0 % optionCount)") }
        }

        var tally: Tally { roomTally(people.map { ($0.perspective, $0.option) }, options: options) }

        /// The real counts of everyone with this perspective (nil: none given).
        func counts(of perspective: String?) -> [String: Int] {
            var counts = Dictionary(uniqueKeysWithValues: options.map { ($0, 0) })
            for person in people where person.perspective == perspective { counts[person.option]! += 1 }
            return counts
        }

        /// The real overall counts.
        var overall: [String: Int] {
            var counts = Dictionary(uniqueKeysWithValues: options.map { ($0, 0) })
            for person in people { counts[person.option]! += 1 }
            return counts
        }

        var description: String {
            let sizes = Dictionary(grouping: people, by: { $0.perspective ?? "none" }).mapValues(\.count)
            return "\(options.count) options, groups \(sizes.sorted { $0.key < $1.key })"
        }
    }

    static let threshold = Show.smallGroupThreshold

    /// Rooms with groups of 0-30 people.
    static let rooms = zip(
        Gen.int(in: 2...8), Gen.int(in: 0...7).array(of: 0...30).array(of: 0...6), Gen.int(in: 0...7).array(of: 0...30)
    ).map { Room(optionCount: $0, groups: $1, none: $2) }

    /// Rooms of many small groups (0-9 people), where the rule has the most to do.
    static let smallRooms = zip(
        Gen.int(in: 2...8), Gen.int(in: 0...7).array(of: 0...9).array(of: 1...7), Gen.int(in: 0...7).array(of: 0...9)
    ).map { Room(optionCount: $0, groups: $1, none: $2) }

    @Test func theRoomCannotWorkOutASmallGroupsVotes() async {
        await propertyCheck(count: 400, input: Self.rooms) { room in checkRoomView(of: room) }
        await propertyCheck(count: 400, input: Self.smallRooms) { room in checkRoomView(of: room) }
    }

    @Test func theHostAlwaysSeesExactCounts() async {
        await propertyCheck(count: 300, input: Self.smallRooms) { room in
            let host = StateView.tallyCounts(room.tally, for: .host).json
            #expect(host["total"] == .int(room.people.count))
            #expect(ints(host["counts"]) == room.overall)
            let perspectives = Set(room.people.compactMap(\.perspective))
            #expect(Set(keys(host["by_perspective"])) == perspectives)
            for perspective in perspectives {
                #expect(ints(host["by_perspective"]?[perspective]) == room.counts(of: perspective))
            }
            #expect(ints(host["no_perspective"]) == room.counts(of: nil))
        }
    }

    /// Every property of what the screen and the phones get for `room`.
    func checkRoomView(of room: Room) {
        for role in [ClientMessage.Role.screen, .audience] {
            let sent = StateView.tallyCounts(room.tally, for: role).json
            let total = room.people.count
            #expect(sent["total"] == .int(total))
            #expect(ints(sent["counts"]) == room.overall, "the overall counts stay exact")

            // The groups shown under their own name, with their real counts (never a lie).
            var shown: [String?: [String: Int]] = [:]
            for perspective in keys(sent["by_perspective"]) {
                shown[perspective] = ints(sent["by_perspective"]?[perspective])
                #expect(shown[perspective] == room.counts(of: perspective))
            }
            if let none = sent["no_perspective"], none != .null {
                #expect(ints(none) == room.counts(of: nil))
                if sum(ints(none)) > 0 { shown[String?.none] = ints(none) }
            }
            for (group, counts) in shown {
                #expect(sum(counts) >= Self.threshold, "group \(group ?? "none") shown with \(sum(counts)) voters")
            }

            // Everyone else, counted together: at least 5, and exactly the people left over.
            let others = sent["others"].flatMap { $0 == .null ? nil : $0 }
            let othersCounts = ints(others?["counts"])
            if let others {
                #expect(others["voters"] == .int(sum(othersCounts)))
                #expect(sum(othersCounts) >= Self.threshold)
            }

            // The total minus the shown groups (and everyone else) leaves nobody or 5 or more.
            let left = total - shown.values.map(sum).reduce(0, +) - sum(othersCounts)
            let withheld = sent["split_withheld"] == .string("too_few")
            #expect(left == 0 || left >= Self.threshold || (withheld && left == total), "\(left) left over")

            // Per option, the overall minus what is shown is never negative.
            for option in room.options {
                let covered =
                    shown.values.map { $0[option, default: 0] }.reduce(0, +) + othersCounts[option, default: 0]
                #expect(room.overall[option]! - covered >= 0)
            }

            // Plainly: the people not in a group shown under its own name are nobody, or at
            // least 5 people, and then they are exactly "everyone else".
            let uncovered = room.people.filter { shown[$0.perspective] == nil }
            if !shown.isEmpty {
                #expect(uncovered.isEmpty || uncovered.count >= Self.threshold)
                #expect(uncovered.count == sum(othersCounts))
            } else {
                // Withheld: only the overall result, which covers the whole room.
                #expect(others == nil)
                #expect(withheld == (total > 0))
            }

            // Nothing is hidden when nothing needs to be.
            let sizes = Dictionary(grouping: room.people, by: { $0.perspective ?? "" }).mapValues(\.count)
            if sizes.values.allSatisfy({ $0 >= Self.threshold }) {
                #expect(uncovered.isEmpty && !withheld)
            }
        }
    }
}

/// An object of numbers as a dictionary (empty for anything else).
private func ints(_ value: JSONValue?) -> [String: Int] {
    guard case .object(let members) = value else { return [:] }
    var result: [String: Int] = [:]
    for (key, member) in members { if case .int(let number) = member { result[key] = number } }
    return result
}

/// The keys of an object (none for anything else).
private func keys(_ value: JSONValue?) -> [String] {
    guard case .object(let members) = value else { return [] }
    return members.map(\.0)
}

private func sum(_ counts: [String: Int]) -> Int { counts.values.reduce(0, +) }
