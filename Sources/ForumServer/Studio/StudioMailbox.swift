import ForumStudioService

/// What the studio's store queue can ask of its service thread: answers to send, or stop.
enum StudioMessage: Sendable {
    case deliver([StudioService.Delivery])
    case stop
}

/// The studio's mailbox: the same ``LwsMailbox`` as the show's, with the studio's messages.
typealias StudioMailbox = LwsMailbox<StudioMessage>
