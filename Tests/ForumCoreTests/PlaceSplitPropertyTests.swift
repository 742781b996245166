import ForumCore
import PropertyBased
import Testing

/// The small-group rule for the split by place, over many random rooms, on what
/// ``StateView`` really sends the screen and the phones: no group of fewer than 5 people by
/// place can be seen or worked out, nothing by perspective is sent beside it, and the host
/// gets every count exactly.
@Suite struct PlaceSplitPropertyTests {
    /// A random room: each person's place (nil: not said) and vote; perspectives at random too.
    struct Room: CustomStringConvertible {
        var options: [String]
        var people: [(place: Place?, perspective: String?, option: String)]

        init(optionCount: Int, room: [Int], remote: [Int], none: [Int]) {
            options = (0..<optionCount).map { "o\($0)" }
            func person(_ place: Place?, _ vote: Int) -> (Place?, String?, String) {
                (place, vote % 3 == 0 ? nil : "g\(vote % 3)", "o\(vote % optionCount)")
            }
            people = room.map { person(.room, $0) } + remote.map { person(.remote, $0) } + none.map { person(nil, $0) }
        }

        /// The tally as the show counts it, through ``Ballots``.
        var tally: Tally {
            var ballots = Ballots(roundID: "D1")
            for (index, person) in people.enumerated() {
                ballots.record(
                    device: "d\(index)",
                    Ballots.Ballot(optionID: person.option, perspective: person.perspective, place: person.place))
            }
            return ballots.tally(options: options.map { Option(id: $0, label: $0) })
        }

        func counts(of place: Place?) -> [String: Int] {
            var counts = Dictionary(uniqueKeysWithValues: options.map { ($0, 0) })
            for person in people where person.place == place { counts[person.option]! += 1 }
            return counts
        }

        var description: String {
            "\(options.count) options, room \(people.filter { $0.place == .room }.count), "
                + "remote \(people.filter { $0.place == .remote }.count), not said \(people.filter { $0.place == nil }.count)"
        }
    }

    static let threshold = Show.smallGroupThreshold

    static let rooms = zip(
        Gen.int(in: 2...8), Gen.int(in: 0...7).array(of: 0...30), Gen.int(in: 0...7).array(of: 0...12),
        Gen.int(in: 0...7).array(of: 0...9)
    ).map { Room(optionCount: $0, room: $1, remote: $2, none: $3) }

    @Test func theRoomCannotWorkOutASmallPlaceGroupsVotes() async {
        await propertyCheck(count: 500, input: Self.rooms) { room in
            for role in [ClientMessage.Role.screen, .audience] {
                let sent = StateView.tallyCounts(room.tally, for: role, by: .place).json
                #expect(sent["total"] == .int(room.people.count))
                #expect(sent["by_perspective"] == .object([]) && sent["no_perspective"] == .null)
                #expect(sent["others"] == .null, "one split per round: nothing by perspective")
                guard let split = sent["place_split"] else {
                    Issue.record("no place_split")
                    return
                }
                var shown: [Place?: [String: Int]] = [:]
                for place in Place.allCases {
                    guard let counts = split["by_place"]?[place.rawValue] else { continue }
                    shown[place] = ints(counts)
                    #expect(ints(counts) == room.counts(of: place), "a shown group's counts are exact")
                }
                if let none = split["no_place"], none != .null, sum(ints(none)) > 0 {
                    #expect(ints(none) == room.counts(of: nil))
                    shown[Place?.none] = ints(none)
                }
                for (place, counts) in shown {
                    #expect(sum(counts) >= Self.threshold, "\(place?.rawValue ?? "not said") shown with \(sum(counts))")
                }
                let others = split["others"].flatMap { $0 == .null ? nil : $0 }
                let othersCounts = ints(others?["counts"])
                let uncovered = room.people.filter { shown[$0.place] == nil }
                let withheld = split["split_withheld"] == .string("too_few")
                if shown.isEmpty {
                    #expect(others == nil)
                    #expect(withheld == !room.people.isEmpty)
                } else {
                    #expect(uncovered.isEmpty || uncovered.count >= Self.threshold)
                    #expect(uncovered.count == sum(othersCounts))
                    for option in room.options {
                        let real = uncovered.filter { $0.option == option }.count
                        #expect(othersCounts[option, default: 0] == real, "everyone else's counts are exact")
                    }
                }
                let sizes = Dictionary(grouping: room.people, by: { $0.place?.rawValue ?? "" }).mapValues(\.count)
                if sizes.values.allSatisfy({ $0 >= Self.threshold }) { #expect(uncovered.isEmpty && !withheld) }
            }
        }
    }

    @Test func theHostAlwaysSeesExactCountsByPlace() async {
        await propertyCheck(count: 300, input: Self.rooms) { room in
            let host = StateView.tallyCounts(room.tally, for: .host, by: .place).json
            for place in Place.allCases {
                #expect(ints(host["by_place"]?[place.rawValue]) == room.counts(of: place))
            }
            #expect(ints(host["no_place"]) == room.counts(of: nil))
        }
    }
}

private func ints(_ value: JSONValue?) -> [String: Int] {
    guard case .object(let members) = value else { return [:] }
    var result: [String: Int] = [:]
    for (key, member) in members { if case .int(let number) = member { result[key] = number } }
    return result
}

private func sum(_ counts: [String: Int]) -> Int { counts.values.reduce(0, +) }
