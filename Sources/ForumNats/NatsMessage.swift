import CNats
import Foundation

/// A core NATS message as a subscription handler receives it (a copy: libnats's message is
/// freed when the handler returns).
public struct NatsMessage: Sendable, Equatable {
    /// The subject it was published on.
    public let subject: String
    /// The payload.
    public let data: [UInt8]
    /// Header values by name, as sent (NATS header names are case-sensitive).
    public let headers: [String: [String]]

    /// The first value of header `name`, or nil.
    public func header(_ name: String) -> String? { headers[name]?.first }

    /// Copies a libnats message; the caller still owns and destroys `message`.
    init(copying message: OpaquePointer) {
        subject = String(cString: natsMsg_GetSubject(message))
        data = copyData(message)
        headers = copyHeaders(message)
    }
}

/// A message stored in a JetStream stream: its stream sequence and content.
public struct NatsStoredMessage: Sendable, Equatable {
    /// The stream sequence number (1 for the stream's first message).
    public let sequence: UInt64
    /// The subject it was stored under.
    public let subject: String
    /// The payload.
    public let data: [UInt8]
    /// Header values by name (JetStream's own, such as Nats-Msg-Id, included).
    public let headers: [String: [String]]

    /// The first value of header `name`, or nil.
    public func header(_ name: String) -> String? { headers[name]?.first }

    init(copying message: OpaquePointer, sequence: UInt64) {
        self.sequence = sequence
        subject = String(cString: natsMsg_GetSubject(message))
        data = copyData(message)
        headers = copyHeaders(message)
    }
}

/// A key's value in a key-value bucket, with the revision that wrote it.
public struct NatsEntry: Sendable, Equatable {
    /// The key.
    public let key: String
    /// The value.
    public let value: [UInt8]
    /// The bucket's revision that wrote this value (its stream sequence); pass it to `update`.
    public let revision: UInt64

    /// An entry with these parts.
    public init(key: String, value: [UInt8], revision: UInt64) {
        self.key = key
        self.value = value
        self.revision = revision
    }

    /// Copies a libnats entry; the caller still owns and destroys `entry`.
    init(copying entry: OpaquePointer) {
        key = String(cString: kvEntry_Key(entry))
        let length = Int(kvEntry_ValueLen(entry))
        if length > 0, let bytes = kvEntry_Value(entry) {
            value = Array(UnsafeRawBufferPointer(start: bytes, count: length))
        } else {
            value = []
        }
        revision = kvEntry_Revision(entry)
    }
}

private func copyData(_ message: OpaquePointer) -> [UInt8] {
    let length = Int(natsMsg_GetDataLength(message))
    guard length > 0, let bytes = natsMsg_GetData(message) else { return [] }
    return Array(UnsafeRawBufferPointer(start: bytes, count: length))
}

private func copyHeaders(_ message: OpaquePointer) -> [String: [String]] {
    var keys: UnsafeMutablePointer<UnsafePointer<CChar>?>?
    var keyCount: Int32 = 0
    guard natsMsgHeader_Keys(message, &keys, &keyCount) == NATS_OK, let keys else { return [:] }
    defer { free(keys) }
    var headers: [String: [String]] = [:]
    for index in 0..<Int(keyCount) {
        guard let key = keys[index] else { continue }
        var values: UnsafeMutablePointer<UnsafePointer<CChar>?>?
        var valueCount: Int32 = 0
        guard natsMsgHeader_Values(message, key, &values, &valueCount) == NATS_OK, let values else { continue }
        headers[String(cString: key)] = (0..<Int(valueCount)).compactMap { values[$0].map { String(cString: $0) } }
        free(values)
    }
    return headers
}
