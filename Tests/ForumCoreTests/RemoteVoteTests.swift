import ForumCore
import Foundation
import PropertyBased
import Testing

/// A ``RemoteVote``'s wire form: every vote comes back as it was, and a payload that is not
/// one is refused with the member it lacks.
@Suite struct RemoteVoteTests {
    static let text = Gen.letterOrNumber.compactMap { $0 }.string(of: 1...12)
    static let venue = zip(text, Gen.element(of: ["", "-north", "_2", "-Caerdydd"]).compactMap { $0 }).map {
        $0 + $1
    }
    static let anyText = Gen.unicodeScalar(in: " "..."\u{2FF}").array(of: 1...10).map {
        String(String.UnicodeScalarView($0))
    }

    static let votes = zip(
        venue, Gen.int64(in: 1...Int64(Int32.max) * 4), anyText, text, anyText, anyText.optional,
        Gen.element(of: [Place?.none, .room, .remote]), Gen.element(of: [VoteReason.vote, .perspective, .place]),
        Gen.int64(in: 1_600_000_000_000...1_900_000_000_000)
    ).map { venue, sequence, round, device, option, perspective, place, reason, milliseconds in
        RemoteVote(
            venue: venue, sequence: sequence,
            vote: VoteRecord(
                roundID: round, device: device, optionID: option, perspective: perspective, place: place ?? nil,
                reason: reason ?? .vote, at: Date(timeIntervalSince1970: Double(milliseconds) / 1000)))
    }

    @Test func everyVoteComesBackFromItsWireForm() async {
        await propertyCheck(count: 300, input: Self.votes) { vote in
            #expect((try? RemoteVote(json: vote.json)) == vote)
            #expect((try? RemoteVote.votes(json: RemoteVote.json(of: [vote, vote]))) == [vote, vote])
        }
    }

    @Test func theWireFormIsCompactWithShortKeys() throws {
        let vote = RemoteVote(
            venue: "bangor", sequence: 42,
            vote: VoteRecord(
                roundID: "D3", device: "tok", optionID: "police", perspective: nil, place: .room,
                at: Date(timeIntervalSince1970: 1_747_213_200.5)))
        #expect(
            String(decoding: vote.json, as: UTF8.self)
                == #"{"v":"bangor","n":42,"r":"D3","d":"tok","o":"police","p":null,"l":"room","w":"vote","#
                + #""t":"2025-05-14T09:00:00.500Z"}"#)
    }

    @Test func aMalformedPayloadSaysWhatIsWrong() throws {
        let good = RemoteVote(
            venue: "bangor", sequence: 1,
            vote: VoteRecord(roundID: "D1", device: "t", optionID: "o", perspective: nil, at: Date()))
        func refusal(_ change: (inout [(String, JSONValue)]) -> Void) -> RemoteVoteError? {
            var members = JSONValue(parsing: good.json)!.members!
            change(&members)
            do {
                _ = try RemoteVote(json: JSONValue.object(members).bytes)
                return nil
            } catch {
                return error as? RemoteVoteError
            }
        }
        #expect(throws: RemoteVoteError.notJSON) { try RemoteVote(json: Array("{\"v\":".utf8)) }
        #expect(throws: RemoteVoteError.notJSON) { try RemoteVote(json: Array("[1]".utf8)) }
        #expect(throws: RemoteVoteError.notJSON) { try RemoteVote.votes(json: Array("{}".utf8)) }
        #expect(refusal { $0.removeAll { $0.0 == "r" } } == .badField("r"))
        #expect(refusal { $0[0].1 = .string("two words") } == .badField("v"))
        #expect(refusal { $0[1].1 = .int(0) } == .badField("n"))
        #expect(refusal { $0[1].1 = .string("7") } == .badField("n"))
        #expect(refusal { $0[6].1 = .string("garden") } == .badField("l"))
        #expect(refusal { $0[7].1 = .string("maybe") } == .badField("w"))
        #expect(refusal { $0[8].1 = .string("yesterday") } == .badField("t"))
        #expect(refusal { $0[5].1 = .int(3) } == .badField("p"))
        #expect(RemoteVoteError.badField("t").description == "A remote vote has no valid 't'.")
    }

    @Test func venueNamesAreShortWordsWithoutSpacesOrDots() {
        #expect(RemoteVote.isVenueName("Caerdydd-2"))
        #expect(RemoteVote.isVenueName("قاعة_1"))
        #expect(!RemoteVote.isVenueName(""))
        #expect(!RemoteVote.isVenueName("a b"))
        #expect(!RemoteVote.isVenueName("a.b"))
        #expect(!RemoteVote.isVenueName(String(repeating: "x", count: 65)))
    }
}
