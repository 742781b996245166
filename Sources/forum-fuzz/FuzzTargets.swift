import ForumCore

/// The inputs hostile people can hand Forum, each through the same code path as the real
/// program: story and event files (`forum check`, `forum serve`), Twine files (`forum import`),
/// and live protocol messages. A target never traps, whatever the bytes; the fuzzer and the
/// corpus replay both call these.
enum FuzzTarget: String, CaseIterable {
    case story
    case event
    case twine
    case message

    /// Runs one input. Results are thrown away: what counts is that nothing traps or hangs.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .story:
            guard case .success(let file) = SourceFile.decoding(path: "scenarios/fuzz.yaml", bytes: bytes) else {
                return
            }
            _ = StoryParser.parse(file, availableFiles: ["images/kitchen.jpg"])
        case .event:
            guard case .success(let file) = SourceFile.decoding(path: "scenarios/event.yaml", bytes: bytes) else {
                return
            }
            _ = EventParser.parse(file, storyIDs: ["sams-night", "coming-home"])
        case .twine:
            _ = TwineImport.run(path: "fuzz.twee", bytes: bytes)
        case .message:
            _ = ClientMessageDecoder.decode(bytes)
        }
    }
}
