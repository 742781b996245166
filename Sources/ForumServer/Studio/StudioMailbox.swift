import CLibWebSockets
import ForumStudioService
import Synchronization

/// How the studio's store queue reaches its service thread: answers to send, or stop. The
/// same pattern as ``Mailbox`` (post, wake lws with `lws_cancel_service`, drain on
/// `EVENT_WAIT_CANCELLED`), with the studio's messages.
final class StudioMailbox: Sendable {
    enum Message: Sendable {
        case deliver([StudioService.Delivery])
        case stop
    }

    private struct ContextHandle: @unchecked Sendable {
        let raw: OpaquePointer
    }

    private let queue = Mutex<[Message]>([])
    private let context = Mutex<ContextHandle?>(nil)

    func post(_ message: Message) {
        queue.withLock { $0.append(message) }
        context.withLock { handle in
            if let handle { lws_cancel_service(handle.raw) }
        }
    }

    func drain() -> [Message] {
        queue.withLock { queue in
            defer { queue.removeAll(keepingCapacity: true) }
            return queue
        }
    }

    func attach(_ raw: OpaquePointer?) {
        context.withLock { $0 = raw.map(ContextHandle.init) }
    }
}
