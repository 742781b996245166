import Foundation

/// The drawing characters: Unicode block and box characters on a UTF-8 terminal, plain ASCII
/// on any other.
public struct Glyphs: Sendable, Equatable {
    public var barFull: String
    public var barEmpty: String
    public var rule: String
    public var column: String
    public var arrow: String
    public var now: String
    public var dot: String
    public var up: String
    public var down: String
    public var live: String
    public var offline: String

    public static let unicode = Glyphs(
        barFull: "█", barEmpty: "░", rule: "─", column: "│", arrow: "→", now: "▶", dot: "·", up: "↑", down: "↓",
        live: "●", offline: "○")
    public static let ascii = Glyphs(
        barFull: "#", barEmpty: ".", rule: "-", column: "|", arrow: "->", now: ">", dot: "-", up: "^", down: "v",
        live: "*", offline: "o")

    /// Unicode when the locale (LC_ALL, LC_CTYPE or LANG) says UTF-8, else ASCII.
    public static func forEnvironment(_ environment: [String: String]) -> Glyphs {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let lowered = locale.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8") ? .unicode : .ascii
    }

    /// A bar `width` columns wide, filled for `share` (0…1).
    public func bar(_ share: Double, width: Int) -> String {
        guard width > 0 else { return "" }
        let filled = min(width, max(0, Int((share * Double(width)).rounded())))
        return String(repeating: barFull, count: filled) + String(repeating: barEmpty, count: width - filled)
    }
}
