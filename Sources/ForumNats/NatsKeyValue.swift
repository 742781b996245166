import CNats
import Foundation

/// The outcome of a compare-and-set `update`.
public enum NatsWriteResult: Sendable, Equatable {
    /// Written; the key's new revision.
    case written(UInt64)
    /// The key's last revision was not the one expected: someone else wrote first.
    case conflict
    /// Not written: no responders, a timeout, or the link is cut (the write may be retried).
    case failed(NatsError)
}

/// A JetStream key-value bucket (libnats's `kvStore`).
public final class NatsKeyValue: @unchecked Sendable {
    let pointer: OpaquePointer
    /// The bucket's name.
    public let bucket: String
    /// Keeps the context (and its connection) alive while the bucket is in use.
    let jetStream: NatsJetStream

    init(jetStream: NatsJetStream, bucket: String, history: UInt8, create: Bool) throws(NatsError) {
        self.jetStream = jetStream
        self.bucket = bucket
        var store: OpaquePointer?
        var status = js_KeyValue(&store, jetStream.pointer, bucket)
        if status == NATS_NOT_FOUND && create {
            status = bucket.withCString { name in
                var config = kvConfig()
                kvConfig_Init(&config)
                config.Bucket = name
                config.History = max(1, history)
                config.StorageType = js_FileStorage
                return js_CreateKeyValue(&store, jetStream.pointer, &config)
            }
        }
        guard status == NATS_OK, let store else {
            throw NatsError(
                create ? "open or create the bucket \(bucket)" : "open the bucket \(bucket)", status: status)
        }
        pointer = store
    }

    deinit { kvStore_Destroy(pointer) }

    /// The key's value and revision, or nil when the key is absent or deleted.
    public func get(_ key: String) throws(NatsError) -> NatsEntry? {
        var entry: OpaquePointer?
        let status = kvStore_Get(&entry, pointer, key)
        if status == NATS_NOT_FOUND { return nil }
        try check(status, "read \(key) in \(bucket)")
        guard let entry else { return nil }
        defer { kvEntry_Destroy(entry) }
        return NatsEntry(copying: entry)
    }

    /// Writes the key only if it has no value; returns its revision. Throws a `NatsError`
    /// of kind `.keyExists` when it has one.
    public func create(_ key: String, _ bytes: [UInt8]) throws(NatsError) -> UInt64 {
        var revision: UInt64 = 0
        let status = bytes.withUnsafeBytes { kvStore_Create(&revision, pointer, key, $0.baseAddress, Int32($0.count)) }
        if status != NATS_OK {
            let error = NatsError("create \(key) in \(bucket)", status: status)
            throw error.kind == .wrongLastRevision ? error.with(kind: .keyExists) : error
        }
        return revision
    }

    /// Writes the key only if its last revision is `lastRevision` (compare-and-set);
    /// `lastRevision` 0 means "only if the key has no value".
    public func update(_ key: String, _ bytes: [UInt8], expecting lastRevision: UInt64) -> NatsWriteResult {
        if lastRevision == 0 {
            do {
                return .written(try create(key, bytes))
            } catch {
                return error.kind == .keyExists ? .conflict : .failed(error)
            }
        }
        var revision: UInt64 = 0
        let status = bytes.withUnsafeBytes {
            kvStore_Update(&revision, pointer, key, $0.baseAddress, Int32($0.count), lastRevision)
        }
        if status == NATS_OK { return .written(revision) }
        let error = NatsError("update \(key) in \(bucket) from revision \(lastRevision)", status: status)
        return error.kind == .wrongLastRevision ? .conflict : .failed(error)
    }

    /// Deletes the key (a delete marker: `get` returns nil, watchers see nil).
    public func delete(_ key: String) throws(NatsError) {
        try check(kvStore_Delete(pointer, key), "delete \(key) in \(bucket)")
    }

    /// Watches `key` (wildcards allowed) on a thread of its own: `handler` gets the current
    /// value first (nil when there is none), then every change in order (nil for a delete),
    /// until `stop()`. See `NatsWatch` for what happens across a cut.
    public func watch(_ key: String, handler: @escaping @Sendable (NatsEntry?) -> Void) throws(NatsError) -> NatsWatch {
        try NatsWatch(store: self, key: key, handler: handler)
    }
}
