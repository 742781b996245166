import Foundation

@testable import ForumCore

/// The server's former full decoder, through Foundation's `JSONSerialization` into
/// `[String: Any]`, kept in the tests as the reference the decoder on ``JSONParser`` must
/// agree with (ClientMessageDecoderReferenceTests).
enum FoundationReferenceDecoder {
    /// The message and its `ref`, or the error, as the server decoded it until the decoder read
    /// with ``JSONParser``.
    static func decode(_ bytes: some Collection<UInt8>) -> Result<
        (ClientMessage, ref: String?), ProtocolError
    > {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            return .failure(ProtocolError("bad_json", "The message is not a JSON object."))
        }
        let ref = object["ref"] as? String
        do {
            return .success((try message(from: Fields(object: object)), ref))
        } catch var error {
            error.ref = ref
            return .failure(error)
        }
    }

    private static func message(from fields: Fields) throws(ProtocolError) -> ClientMessage {
        let type = try fields.string("type")
        switch type {
        case "hello":
            let roleName = try fields.string("role")
            guard let role = ClientMessage.Role(rawValue: roleName) else {
                throw ProtocolError("bad_role", "The role must be audience, screen, host or moderator.")
            }
            return .hello(
                role: role, device: try fields.optionalString("device"), key: try fields.optionalString("key"),
                stateAfterAck: fields.object["state_after_ack"] == nil ? true : try fields.bool("state_after_ack"),
                place: try fields.place())
        case "vote":
            return .vote(decision: try fields.string("decision"), option: try fields.string("option"))
        case "perspective":
            guard fields.object.keys.contains("perspective") else {
                throw ProtocolError("bad_message", "A perspective message needs 'perspective' (an id or null).")
            }
            return .perspective(try fields.optionalString("perspective"))
        case "place":
            guard fields.object.keys.contains("place") else {
                throw ProtocolError("bad_message", "A place message needs 'place' (room, remote or null).")
            }
            return .place(try fields.place())
        case "command":
            return .command(try command(from: fields))
        case "ping":
            return .ping
        case "intervene":
            return .intervene(on: try fields.bool("on"))
        case "propose":
            return .propose(text: try fields.text("text"))
        default:
            throw ProtocolError("unknown_type", "Unknown message type '\(type.prefix(40))'.")
        }
    }

    private static func command(from fields: Fields) throws(ProtocolError) -> HostCommand {
        let name = try fields.string("command")
        let args: Fields
        switch fields.object["args"] {
        case nil, is NSNull: args = Fields(object: [:])
        case let object as [String: Any]: args = Fields(object: object)
        default: throw ProtocolError("bad_message", "'args' must be an object.")
        }
        switch HostCommandName(rawValue: name) {
        case .start?: return .start(story: try args.string("story"))
        case .next?: return .next
        case .back?: return .back
        case .goto?: return .goto(scene: try args.string("scene"))
        case .open?: return .open(seconds: try args.optionalInt("seconds"))
        case .close?: return .close
        case .reveal?: return .reveal
        case .follow?: return .follow
        case .choose?: return .choose(option: try args.string("option"))
        case .replay?: return .replay(scene: try args.optionalString("scene"))
        case .end?: return .end
        case .session?: return .session(id: try args.string("session"))
        case .results?:
            let mode = try args.string("mode")
            guard let visibility = ResultsVisibility(rawValue: mode) else {
                throw ProtocolError(
                    "bad_message",
                    "'mode' must be one of: \(ResultsVisibility.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            return .results(visibility)
        case .split?: return .split(try args.bool("on"), by: try args.splitDimension())
        case .finish?: return .finish
        case .join?: return .join(try args.bool("on"))
        case .undo?: return .undo
        case .note?: return .note(text: try args.string("text"))
        case .acknowledge?: return .acknowledge
        case .stops?: return .stops(try args.bool("on"))
        case .proposals?: return .proposals(try args.bool("on"))
        case .showProposals?: return .showProposals(try args.bool("on"))
        case .approve?: return .approve(proposal: try args.string("proposal"))
        case .reject?: return .reject(proposal: try args.string("proposal"))
        case .merge?: return .merge(proposal: try args.string("proposal"), into: try args.string("into"))
        case .adopt?: return .adopt(proposal: try args.string("proposal"))
        case .report?:
            let name = try args.optionalString("edition") ?? ReportEdition.community.rawValue
            guard let edition = ReportEdition(rawValue: name) else {
                throw ProtocolError("bad_message", "'edition' must be community or organisers.")
            }
            return .report(edition: edition)
        case nil:
            throw ProtocolError(
                "unknown_command",
                "Unknown command '\(name.prefix(40))'. Commands: \(HostCommand.names.joined(separator: ", ")).")
        }
    }

    /// Typed access to a JSON object's fields with protocol errors.
    private struct Fields {
        let object: [String: Any]

        func string(_ key: String) throws(ProtocolError) -> String {
            guard let value = try optionalString(key) else {
                throw ProtocolError("bad_message", "The field '\(key)' is missing.")
            }
            return value
        }

        /// A longer text field (a proposal): at most 4 KiB; its length in characters is the
        /// show's to check.
        func text(_ key: String) throws(ProtocolError) -> String {
            guard let value = object[key] as? String else {
                throw ProtocolError("bad_message", "The field '\(key)' must be a string.")
            }
            guard value.utf8.count <= 4096 else {
                throw ProtocolError("bad_message", "The field '\(key)' is too long.")
            }
            return value
        }

        func optionalString(_ key: String) throws(ProtocolError) -> String? {
            switch object[key] {
            case nil, is NSNull: return nil
            case let value as String:
                guard value.utf8.count <= ClientMessageDecoder.maximumFieldLength else {
                    throw ProtocolError("bad_message", "The field '\(key)' is too long.")
                }
                return value
            default: throw ProtocolError("bad_message", "The field '\(key)' must be a string.")
            }
        }

        /// JSON `true`/`false` (Foundation bridges 0 and 1 to `Bool` too, so `is Bool` cannot tell).
        static func isBoolean(_ number: NSNumber) -> Bool {
            type(of: number) == type(of: NSNumber(value: true))
        }

        func bool(_ key: String) throws(ProtocolError) -> Bool {
            guard let value = object[key] as? NSNumber, Self.isBoolean(value) else {
                throw ProtocolError("bad_message", "The field '\(key)' must be true or false.")
            }
            return value.boolValue
        }

        /// The optional `place` field: room, remote, or absent/null.
        func place() throws(ProtocolError) -> Place? {
            guard let name = try optionalString("place") else { return nil }
            guard let place = Place(rawValue: name) else {
                throw ProtocolError("bad_message", "'place' must be room, remote or null.")
            }
            return place
        }

        /// The optional `by` of `split`: perspective or place.
        func splitDimension() throws(ProtocolError) -> SplitDimension? {
            guard let name = try optionalString("by") else { return nil }
            guard let dimension = SplitDimension(rawValue: name) else {
                throw ProtocolError("bad_message", "'by' must be perspective or place.")
            }
            return dimension
        }

        func optionalInt(_ key: String) throws(ProtocolError) -> Int? {
            switch object[key] {
            case nil, is NSNull: return nil
            case let value as NSNumber where !Self.isBoolean(value) && value.doubleValue == value.doubleValue.rounded():
                guard abs(value.doubleValue) < 1e9 else {
                    throw ProtocolError("bad_message", "The field '\(key)' is out of range.")
                }
                return value.intValue
            default: throw ProtocolError("bad_message", "The field '\(key)' must be a whole number.")
            }
        }
    }
}
