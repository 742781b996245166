import Foundation

/// A support line the event names in `event.yaml` (`support:`): who to call or where to go
/// for help, shown on every phone.
public struct SupportLine: Sendable, Equatable, Codable {
    /// What the line is, such as "Samaritans".
    public var label: String
    /// The phone number as written, such as "116 123".
    public var number: String?
    /// A web page (`https://…`) or a `tel:` link.
    public var link: String?
    /// When it is available, such as "Free, day or night".
    public var when: String?

    public init(label: String, number: String? = nil, link: String? = nil, when: String? = nil) {
        self.label = label
        self.number = number
        self.link = link
        self.when = when
    }

    /// The number as a `tel:` link dials it: digits with an optional leading `+`.
    public var dial: String? { number.flatMap(Self.dialable) }

    /// The dialable form of a written phone number (digits, spaces, `-`, `.`, `(`, `)` and a
    /// leading `+`; 3 to 15 digits), or nil when it is not a phone number.
    public static func dialable(_ number: String) -> String? {
        var text = Substring(number.trimmingCharacters(in: .whitespaces))
        var dial = ""
        if text.first == "+" {
            dial = "+"
            text = text.dropFirst()
        }
        for character in text {
            if character.isASCII, character.isWholeNumber {
                dial.append(character)
            } else if !" -.()".contains(character) {
                return nil
            }
        }
        let digits = dial.filter(\.isWholeNumber).count
        return (3...15).contains(digits) ? dial : nil
    }

    /// True for a link a phone can open from the page: `http://`, `https://` or a `tel:` number.
    public static func isOpenable(_ link: String) -> Bool {
        let lower = link.lowercased()
        if lower.hasPrefix("tel:") { return dialable(String(link.dropFirst(4))) != nil }
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return false }
        let rest = lower.drop { $0 != "/" }.dropFirst(2)
        return !rest.isEmpty && !rest.hasPrefix("/") && !link.contains(where: \.isWhitespace)
    }
}
