import CLibWebSockets
import ForumCore
import ForumSession
import ForumStore
import Synchronization

/// The only way other threads reach an lws service thread: they post a message, the mailbox
/// wakes lws with `lws_cancel_service` (the one lws call that is safe from another thread),
/// and the service thread drains the messages on `LWS_CALLBACK_EVENT_WAIT_CANCELLED`. The
/// show's and the studio's service threads each have one, with their own messages.
final class LwsMailbox<Message: Sendable>: Sendable {
    /// An lws context pointer. Safe to send because the only call made through it from
    /// other threads is `lws_cancel_service`, and only under `context`'s lock, which the
    /// service thread takes to clear the pointer before the context is destroyed.
    private struct ContextHandle: @unchecked Sendable {
        let raw: OpaquePointer
    }

    private let queue = Mutex<[Message]>([])
    private let context = Mutex<ContextHandle?>(nil)

    /// Posts a message and wakes the service thread.
    func post(_ message: Message) {
        queue.withLock { $0.append(message) }
        context.withLock { handle in
            if let handle { lws_cancel_service(handle.raw) }
        }
    }

    /// Takes every waiting message. Safe to call repeatedly (lws may deliver one wake-up to
    /// several protocols).
    func drain() -> [Message] {
        queue.withLock { queue in
            defer { queue.removeAll(keepingCapacity: true) }
            return queue
        }
    }

    /// Connects the mailbox to a live context, or (nil) disconnects it before destruction.
    func attach(_ raw: OpaquePointer?) {
        context.withLock { $0 = raw.map(ContextHandle.init) }
    }
}

/// What other threads can ask of the show's service thread.
enum ServiceMessage: Sendable {
    /// The store committed (or failed) these tickets.
    case stored(StoreCommit)
    /// Shut down: close every connection and stop the loop.
    case stop
    /// A report (or the error saying why there is none), encoded, for one host connection.
    case reportBuilt(ConnectionID, [UInt8])
    /// Something from the other venues of a shared show, for the session.
    case venue(SessionEvent)
}

/// The show's mailbox.
typealias Mailbox = LwsMailbox<ServiceMessage>
