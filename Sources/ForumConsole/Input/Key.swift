/// A key the host pressed, decoded from the terminal's bytes.
public enum Key: Sendable, Equatable {
    case character(Character)
    case enter
    case backspace
    case escape
    case tab
    case up, down, left, right
    case pageUp, pageDown
    /// Ctrl-C (raw mode turns off the signal, so it arrives as a byte).
    case interrupt
    /// Ctrl-L: draw the whole screen again.
    case redraw
    /// Any other control key or escape sequence.
    case other
}

/// Turns the bytes read from a terminal in raw mode into keys: UTF-8 characters, Enter,
/// Backspace, Esc, arrows and page keys (CSI and SS3 forms). Keeps an incomplete UTF-8
/// character or escape sequence for the next read.
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []

    public init() {}

    /// The keys in `bytes` (one read). An Esc alone at the end of a read is the Esc key.
    public mutating func feed(_ bytes: [UInt8]) -> [Key] {
        pending += bytes
        var keys: [Key] = []
        var index = 0
        let input = pending
        while index < input.count {
            let byte = input[index]
            switch byte {
            case 0x1B:
                guard index + 1 < input.count else {
                    keys.append(.escape)
                    index += 1
                    continue
                }
                let (key, length) = Self.escapeSequence(input, at: index)
                guard length > 0 else {
                    pending = Array(input[index...])
                    return keys
                }
                keys.append(key)
                index += length
            case 0x0D, 0x0A:
                keys.append(.enter)
                index += 1
            case 0x7F, 0x08:
                keys.append(.backspace)
                index += 1
            case 0x09:
                keys.append(.tab)
                index += 1
            case 0x03:
                keys.append(.interrupt)
                index += 1
            case 0x0C:
                keys.append(.redraw)
                index += 1
            case 0x00..<0x20:
                keys.append(.other)
                index += 1
            default:
                let length = Self.utf8Length(byte)
                guard index + length <= input.count else {
                    pending = Array(input[index...])
                    return keys
                }
                let text = String(decoding: input[index..<index + length], as: UTF8.self)
                keys.append(text.first.map(Key.character) ?? .other)
                index += length
            }
        }
        pending = []
        return keys
    }

    private static func utf8Length(_ lead: UInt8) -> Int {
        switch lead {
        case 0xC0..<0xE0: 2
        case 0xE0..<0xF0: 3
        case 0xF0..<0xF8: 4
        default: 1
        }
    }

    /// The key an escape sequence at `start` stands for and its length; length 0 when the
    /// sequence is not complete yet.
    private static func escapeSequence(_ input: [UInt8], at start: Int) -> (Key, Int) {
        let introducer = input[start + 1]
        guard introducer == UInt8(ascii: "[") || introducer == UInt8(ascii: "O") else {
            // Esc, then a key read together (fast typing, a paste, tmux send-keys): the console
            // has no Alt keys, so this is the Esc key followed by that key.
            return (.escape, 1)
        }
        var end = start + 2
        while end < input.count {
            let byte = input[end]
            if (0x40...0x7E).contains(byte) {
                let body = String(decoding: input[(start + 2)..<end], as: UTF8.self)
                return (key(final: byte, parameters: body), end - start + 1)
            }
            end += 1
        }
        return (.other, 0)
    }

    private static func key(final: UInt8, parameters: String) -> Key {
        switch final {
        case UInt8(ascii: "A"): .up
        case UInt8(ascii: "B"): .down
        case UInt8(ascii: "C"): .right
        case UInt8(ascii: "D"): .left
        case UInt8(ascii: "~"): parameters == "5" ? .pageUp : parameters == "6" ? .pageDown : .other
        default: .other
        }
    }
}
