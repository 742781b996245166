import Foundation
import Testing

@testable import ForumCore

/// The decoder on ``JSONParser`` answers every input as the former decoder through
/// Foundation did (FoundationReferenceDecoder): the same message and `ref`, or the same error
/// word for word. Inputs: the fuzz corpus, hand-picked edges, and seeded mutations of both.
/// Left out are the two differences ClientMessageDecoderEdgeTests records: Foundation's
/// guess of UTF-16 or UTF-32 from the first bytes, and numbers beyond a Double's precision.
@Suite("The full decoder agrees with the former one through Foundation")
struct ClientMessageDecoderReferenceTests {
    static let corpus: [[UInt8]] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Fuzz/corpus/message").standardizedFileURL
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.sorted().compactMap {
            FileManager.default.contents(atPath: folder.appendingPathComponent($0).path)
        }
        .map(Array.init)
    }()

    static let edges: [String] = [
        #"{"type":"hello","role":"audience","device":"d1","key":null,"state_after_ack":false,"place":"remote"}"#,
        #"{"type":"hello","role":"moderator","key":"k","ref":"h"}"#, #"{"type":"hello","role":"guest"}"#,
        #"{"type":"hello","role":"audience","place":"garden"}"#, #"{"type":"place","place":null,"ref":"l"}"#,
        #"{"type":"place"}"#, #"{"type":"perspective","perspective":7}"#, #"{"type":"intervene","on":1}"#,
        #"{"type":"intervene","on":false,"ref":"i"}"#, #"{"type":"propose","text":null}"#,
        #"{"type":"propose","text":"a\nb\u2028c"}"#,
        #"{"type":"command","command":"split","args":{"on":true,"by":"x"}}"#,
        #"{"type":"command","command":"results","args":{"mode":"loud"}}"#,
        #"{"type":"command","command":"report","args":{"edition":"organisers"}}"#,
        #"{"type":"command","command":"report","args":{"edition":"press"}}"#,
        #"{"type":"command","command":"merge","args":{"proposal":"P1","into":"P2"},"ref":"m"}"#,
        #"{"type":"command","command":"open","args":{"seconds":-5}}"#,
        #"{"type":"command","command":"next","args":[]}"#,
        #"{"type":"command","command":"next","args":null}"#, #"{"type":"command","command":"fly","ref":"f"}"#,
        #"{"type":"command"}"#, #"{"type":"vote","decision":"D","option":"o","ref":"a","ref":"b"}"#,
        #"{"type":"ping",}"#, #"{"type":"ping","x":[1,{"y":[true,false,null,-0.5e-3]},]}"#, "[]", "{}", "",
        #"{"type":"hello","role":"audience","device":""# + String(repeating: "a", count: 201) + #""}"#,
        #"{"type":"propose","text":""# + String(repeating: "é", count: 2049) + #""}"#,
        #"{"type":"vote","decision":"\u00e9","option":"e\u0301","ref":"\ud83d\ude00"}"#,
        #"{"type":"command","command":"open","args":{"seconds":1e-5}}"#,
        #"{"type":"command","command":"open","args":{"seconds":12.5e1}}"#,
    ]

    /// What the decoder answered, as text to compare.
    static func answer(_ result: Result<(ClientMessage, ref: String?), ProtocolError>) -> String {
        switch result {
        case .success(let (message, ref)):
            "ok \(message) ref \(ref.map { Array($0.unicodeScalars).description } ?? "nil")"
        case .failure(let error): "\(error.code) \(error.message) ref \(error.ref ?? "nil")"
        }
    }

    /// Inputs Foundation read differently on purpose (see the suite's summary).
    static func outsideTheAgreement(_ bytes: [UInt8]) -> Bool {
        let start = bytes.prefix(4)
        if start.contains(0) || start.first == 0xFE || start.first == 0xFF { return true }
        // A number with more than 15 significant digits (Foundation's NSDecimalNumber).
        var digits = 0
        for byte in bytes {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
                if digits > 15 { return true }
            } else if byte != UInt8(ascii: ".") {
                digits = 0
            }
        }
        return false
    }

    func expectAgreement(_ bytes: [UInt8]) {
        guard !Self.outsideTheAgreement(bytes) else { return }
        let ours = Self.answer(ClientMessageDecoder.decodeFully(bytes))
        let foundation = Self.answer(FoundationReferenceDecoder.decode(bytes))
        #expect(ours == foundation, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
    }

    @Test func theCorpusAndTheEdges() {
        #expect(Self.corpus.count >= 13, "the fuzz corpus was found")
        for bytes in Self.corpus + Self.edges.map({ Array($0.utf8) }) { expectAgreement(bytes) }
    }

    @Test func seededMutations() {
        var generator = SplitMix(seed: 20_261_201)
        let seeds = Self.corpus + Self.edges.map { Array($0.utf8) }
        let alphabet =
            Array(#"{}[],:"\/ -+.eE0123456789tfnulrasu"#.utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xA9, 0xED, 0xFF]
        for round in 0..<10000 {
            var bytes = seeds[round % seeds.count]
            for _ in 0...(Int(generator.next() % 3)) {
                let position = bytes.isEmpty ? 0 : Int(generator.next() % UInt64(bytes.count + 1))
                let byte = alphabet[Int(generator.next() % UInt64(alphabet.count))]
                switch generator.next() % 3 {
                case 0: bytes.insert(byte, at: position)
                case 1 where position < bytes.count: bytes[position] = byte
                default: if position < bytes.count { bytes.remove(at: position) }
                }
            }
            expectAgreement(bytes)
        }
    }
}

/// A small seeded generator, so that a failing mutation comes back on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
