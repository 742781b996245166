/// Why the show refused a command, a vote or a perspective. `code` is the protocol's stable
/// error code; `message` is a sentence for a person.
public struct ShowError: Error, Sendable, Equatable {
    public var code: String
    public var message: String
    /// For a tie: the tied option ids, so the host can choose.
    public var options: [String]?

    public init(_ code: String, _ message: String, options: [String]? = nil) {
        self.code = code
        self.message = message
        self.options = options
    }
}
