import CNats
import Foundation

/// A live subscription (core or JetStream). Messages stop after `unsubscribe()`, which
/// deinit also does; a handler already running may finish after it returns.
public final class NatsSubscription: @unchecked Sendable {
    private let pointer: OpaquePointer
    private let closure: UnsafeMutableRawPointer
    private let lock = NSLock()
    private var isOpen = true
    /// Whether libnats tells us when the handler has returned for the last time.
    private let completes: Bool

    init(pointer: OpaquePointer, closure: UnsafeMutableRawPointer) {
        self.pointer = pointer
        self.closure = closure
        // Forget the handler only once libnats has returned from its last call of it.
        completes = natsSubscription_SetOnCompleteCB(pointer, onComplete, closure) == NATS_OK
    }

    deinit {
        unsubscribe()
        natsSubscription_Destroy(pointer)
    }

    /// Whether the subscription still receives messages (false once unsubscribed or closed).
    public var isValid: Bool { natsSubscription_IsValid(pointer) }

    /// Stops the messages (idempotent).
    public func unsubscribe() {
        let first = lock.withLock {
            defer { isOpen = false }
            return isOpen
        }
        guard first else { return }
        // A failure means it was already closed with its connection: nothing more to stop.
        if natsSubscription_Unsubscribe(pointer) != NATS_OK || !completes {
            NatsRegistry.shared.remove(closure)
        }
    }
}

/// A subscription handler, core or JetStream.
enum MessageBox {
    /// A core subscription's handler.
    final class Core: Sendable {
        let handler: @Sendable (NatsMessage) -> Void
        init(_ handler: @escaping @Sendable (NatsMessage) -> Void) { self.handler = handler }
    }

    /// A JetStream consumer's handler.
    final class Stored: Sendable {
        let handler: @Sendable (NatsStoredMessage) -> Void
        init(_ handler: @escaping @Sendable (NatsStoredMessage) -> Void) { self.handler = handler }
    }

    static func core(_ handler: @escaping @Sendable (NatsMessage) -> Void) -> Core { Core(handler) }
    static func stored(_ handler: @escaping @Sendable (NatsStoredMessage) -> Void) -> Stored { Stored(handler) }
}

/// libnats's message callback for both kinds; it owns `message` and must destroy it.
let onMessage: natsMsgHandler = { _, _, message, closure in
    guard let message else { return }
    defer { natsMsg_Destroy(message) }
    if let core = NatsRegistry.shared.find(closure, as: MessageBox.Core.self) {
        core.handler(NatsMessage(copying: message))
    } else if let stored = NatsRegistry.shared.find(closure, as: MessageBox.Stored.self) {
        var meta: UnsafeMutablePointer<jsMsgMetaData>?
        guard natsMsg_GetMetaData(&meta, message) == NATS_OK, let meta else { return }
        let sequence = meta.pointee.Sequence.Stream
        jsMsgMetaData_Destroy(meta)
        stored.handler(NatsStoredMessage(copying: message, sequence: sequence))
    }
}

private let onComplete: natsOnCompleteCB = { closure in
    NatsRegistry.shared.remove(closure)
}
