import CNats
import Foundation

/// A JetStream context on one connection (libnats's `jsCtx`): streams, publishes that the
/// server acknowledges, ordered consumers and key-value buckets.
///
/// Threads: the ack-error bookkeeping runs on libnats's delivery thread for the context's
/// reply subscription; a consumer's handler runs on libnats's delivery thread for it.
public final class NatsJetStream: @unchecked Sendable {
    let pointer: OpaquePointer
    /// Keeps the connection open while this context is in use.
    let connection: NatsConnection
    private let failures: AckFailures
    private let failuresClosure: UnsafeMutableRawPointer
    private let timeout: Duration

    init(connection: NatsConnection, timeout: Duration, domain: String?) throws(NatsError) {
        self.connection = connection
        self.timeout = timeout
        failures = AckFailures()
        failuresClosure = NatsRegistry.shared.add(failures)
        var options = jsOptions()
        jsOptions_Init(&options)
        options.Wait = timeout.milliseconds
        options.PublishAsync.ErrHandler = onAckError
        options.PublishAsync.ErrHandlerClosure = failuresClosure
        options.PublishAsync.MaxPending = 4096
        var context: OpaquePointer?
        // libnats copies the domain while making the context.
        let status = withOptionalCString(domain) { cDomain in
            options.Domain = cDomain
            return natsConnection_JetStream(&context, connection.pointer, &options)
        }
        guard status == NATS_OK, let context else {
            let error = NatsError("open JetStream", status: status)
            NatsRegistry.shared.remove(failuresClosure)
            throw error
        }
        pointer = context
    }

    deinit {
        jsCtx_Destroy(pointer)
        NatsRegistry.shared.remove(failuresClosure)
    }

    /// Creates the file-stored stream `name` over `subjects`, or updates it to this
    /// configuration when it exists. `duplicateWindow` is how long a message id is
    /// remembered for de-duplication; `maxAge` drops older messages (nil keeps them).
    public func ensureStream(
        name: String, subjects: [String], duplicateWindow: Duration = .seconds(120), maxAge: Duration? = nil
    ) throws(NatsError) {
        var info: UnsafeMutablePointer<jsStreamInfo>?
        var code = jsErrCode(0)
        let lookup = js_GetStreamInfo(&info, pointer, name, nil, &code)
        if lookup != NATS_OK && lookup != NATS_NOT_FOUND {
            throw NatsError("look up the stream \(name)", status: lookup, jetStreamCode: code)
        }
        jsStreamInfo_Destroy(info)
        let exists = lookup == NATS_OK
        let status: natsStatus = name.withCString { cName in
            withCStrings(subjects) { cSubjects in
                var config = jsStreamConfig()
                jsStreamConfig_Init(&config)
                config.Name = cName
                config.Subjects = cSubjects
                config.SubjectsLen = Int32(subjects.count)
                config.Storage = js_FileStorage
                config.Duplicates = duplicateWindow.nanoseconds
                config.MaxAge = maxAge?.nanoseconds ?? 0
                var result: UnsafeMutablePointer<jsStreamInfo>?
                let status =
                    exists
                    ? js_UpdateStream(&result, pointer, &config, nil, &code)
                    : js_AddStream(&result, pointer, &config, nil, &code)
                jsStreamInfo_Destroy(result)
                return status
            }
        }
        try check(status, code: code, exists ? "update the stream \(name)" : "create the stream \(name)")
    }

    /// Publishes and waits for the stream's ack. `duplicate` is true when the stream already
    /// held `messageID` (within its duplicate window) and so did not store it again.
    public func publish(
        subject: String, bytes: [UInt8], messageID: String? = nil, timeout: Duration? = nil
    ) throws(NatsError) -> (sequence: UInt64, duplicate: Bool) {
        var ack: UnsafeMutablePointer<jsPubAck>?
        var code = jsErrCode(0)
        let status = withPubOptions(messageID: messageID, timeout: timeout ?? self.timeout) { options in
            bytes.withUnsafeBytes {
                js_Publish(&ack, pointer, subject, $0.baseAddress, Int32($0.count), options, &code)
            }
        }
        defer { jsPubAck_Destroy(ack) }
        try check(status, code: code, "publish on \(subject)")
        guard let ack else { throw NatsError("publish on \(subject)", message: "no ack") }
        return (ack.pointee.Sequence, ack.pointee.Duplicate)
    }

    /// Publishes without waiting for the ack (up to 4,096 in flight). A message the stream
    /// refuses, or whose ack does not come within the context's timeout, is reported by
    /// `waitForAcks` returning false and by `failedMessageIDs()`.
    public func publishAsync(subject: String, bytes: [UInt8], messageID: String) throws(NatsError) {
        let status = withPubOptions(messageID: messageID, timeout: timeout) { options in
            bytes.withUnsafeBytes { js_PublishAsync(pointer, subject, $0.baseAddress, Int32($0.count), options) }
        }
        try check(status, "publish on \(subject)")
    }

    /// Waits until every asynchronous publish is acknowledged. True only if all were, and
    /// none failed since the last call; false on a timeout (the rest stay in flight and,
    /// if they fail, show in `failedMessageIDs()`) or after a failure.
    public func waitForAcks(timeout: Duration) -> Bool {
        var options = jsPubOptions()
        jsPubOptions_Init(&options)
        options.MaxWait = timeout.milliseconds
        let status = js_PublishAsyncComplete(pointer, &options)
        let failed = failures.takeNewFailureFlag()
        return status == NATS_OK && !failed
    }

    /// The message ids of asynchronous publishes that failed, oldest first, since the last
    /// call (the caller re-publishes them from its own durable record).
    public func failedMessageIDs() -> [String] { failures.take() }

    /// The last message stored under `subject` in `stream`, or nil when there is none.
    public func lastMessage(stream: String, subject: String) throws(NatsError) -> NatsStoredMessage? {
        var message: OpaquePointer?
        var code = jsErrCode(0)
        let status = js_GetLastMsg(&message, pointer, stream, subject, nil, &code)
        if status == NATS_NOT_FOUND || code == JSNoMessageFoundErr { return nil }
        try check(status, code: code, "read the last message on \(subject) in \(stream)")
        guard let message else { return nil }
        defer { natsMsg_Destroy(message) }
        return NatsStoredMessage(copying: message, sequence: natsMsg_GetSequence(message))
    }

    /// Delivers the messages of `stream` matching `filter` from stream sequence
    /// `fromSequence` on (1 or 0: from the start), in stream order, then each new one.
    ///
    /// An ordered push consumer: ephemeral, no acks and no state on the server. `handler`
    /// runs on libnats's delivery thread for it. Across a cut, libnats notices the gap (or
    /// the missing heartbeats) and recreates the consumer from the sequence after the last
    /// one delivered, so the handler sees each message once and in order.
    public func consume(
        stream: String, subject filter: String, fromSequence: UInt64,
        handler: @escaping @Sendable (NatsStoredMessage) -> Void
    ) throws(NatsError) -> NatsSubscription {
        let closure = NatsRegistry.shared.add(MessageBox.stored(handler))
        var subscription: OpaquePointer?
        var code = jsErrCode(0)
        let status = stream.withCString { cStream in
            var options = jsSubOptions()
            jsSubOptions_Init(&options)
            options.Stream = cStream
            options.Ordered = true
            options.Config.Heartbeat = Duration.seconds(2).nanoseconds
            if fromSequence > 1 {
                options.Config.DeliverPolicy = js_DeliverByStartSequence
                options.Config.OptStartSeq = fromSequence
            } else {
                options.Config.DeliverPolicy = js_DeliverAll
            }
            return js_Subscribe(&subscription, pointer, filter, onMessage, closure, nil, &options, &code)
        }
        guard status == NATS_OK, let subscription else {
            let error = NatsError("consume \(filter) from \(stream)", status: status, jetStreamCode: code)
            NatsRegistry.shared.remove(closure)
            throw error
        }
        return NatsSubscription(pointer: subscription, closure: closure)
    }

    /// Opens the key-value bucket `bucket`; with `create`, makes it (file storage, keeping
    /// `history` values per key) when missing.
    public func keyValue(bucket: String, history: UInt8 = 1, create: Bool) throws(NatsError) -> NatsKeyValue {
        try NatsKeyValue(jetStream: self, bucket: bucket, history: history, create: create)
    }

    private func withPubOptions(
        messageID: String?, timeout: Duration, _ body: (UnsafeMutablePointer<jsPubOptions>) -> natsStatus
    ) -> natsStatus {
        var options = jsPubOptions()
        jsPubOptions_Init(&options)
        options.MaxWait = timeout.milliseconds
        guard let messageID else { return body(&options) }
        return messageID.withCString { id in
            options.MsgId = id
            return body(&options)
        }
    }
}

/// The asynchronous publishes that failed, filled by libnats's ack-error callback.
final class AckFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String] = []
    private var newFailure = false

    func add(_ id: String) {
        lock.withLock {
            ids.append(id)
            newFailure = true
        }
    }

    func take() -> [String] {
        lock.withLock {
            defer { ids = [] }
            return ids
        }
    }

    func takeNewFailureFlag() -> Bool {
        lock.withLock {
            defer { newFailure = false }
            return newFailure
        }
    }
}

private let onAckError: jsPubAckErrHandler = { _, failure, closure in
    guard let failure, let failures = NatsRegistry.shared.find(closure, as: AckFailures.self) else { return }
    var id: UnsafePointer<CChar>?
    if let message = failure.pointee.Msg, natsMsgHeader_Get(message, "Nats-Msg-Id", &id) == NATS_OK, let id {
        failures.add(String(cString: id))
    } else {
        failures.add("")
    }
}

/// Throws a `NatsError` carrying the JetStream error code unless `status` is NATS_OK.
func check(_ status: natsStatus, code: jsErrCode, _ operation: @autoclosure () -> String) throws(NatsError) {
    if status != NATS_OK { throw NatsError(operation(), status: status, jetStreamCode: code) }
}

extension Duration {
    /// Whole nanoseconds, as JetStream's configuration takes them.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
