import Foundation

/// The `room` member of a state *(addition)*, while a story runs: the room's voice as each
/// role sees it (docs/protocol.md, "The room's voice"). Phones learn the visit and whether
/// proposals are open; the projector what the host chose to show (never who wrote a
/// proposal); the host and the moderator the stop count and the whole queue.
extension StateMessage {
    /// The room's voice in a state.
    public struct Room: Sendable, Equatable {
        /// An approved proposal as the projector shows it.
        public struct ShownProposal: Sendable, Equatable {
            public var id: String
            public var text: String
            /// How many proposals were merged into this one.
            public var sameIdea: Int

            public init(id: String, text: String, sameIdea: Int) {
                self.id = id
                self.text = text
                self.sameIdea = sameIdea
            }
        }

        /// A proposal of the host's and the moderator's queue (no device token).
        public struct QueuedProposal: Sendable, Equatable {
            public var id: String
            public var text: String
            public var status: ProposalStatus
            public var mergedInto: String?
            /// The option it became, once put to the vote.
            public var option: String?
            public var run: String?
            public var scene: String?
            public var sameIdea: Int
            public var at: Date

            public init(
                id: String, text: String, status: ProposalStatus, mergedInto: String?, option: String?, run: String?,
                scene: String?, sameIdea: Int, at: Date
            ) {
                self.id = id
                self.text = text
                self.status = status
                self.mergedInto = mergedInto
                self.option = option
                self.run = run
                self.scene = scene
                self.sameIdea = sameIdea
                self.at = at
            }
        }

        /// The projector's part: what the host chose to show (nil: hidden, `null` on the wire).
        public struct ScreenPart: Sendable, Equatable {
            public var stops: Int?
            public var proposals: [ShownProposal]?

            public init(stops: Int?, proposals: [ShownProposal]?) {
                self.stops = stops
                self.proposals = proposals
            }
        }

        /// The host's and the moderator's part.
        public struct StaffPart: Sendable, Equatable {
            public var stops: Int
            /// The stop count last acknowledged in this visit (nil: not yet).
            public var acknowledged: Int?
            public var stopsShown: Bool
            public var proposalsShown: Bool
            public var queue: [QueuedProposal]

            public init(stops: Int, acknowledged: Int?, stopsShown: Bool, proposalsShown: Bool, queue: [QueuedProposal])
            {
                self.stops = stops
                self.acknowledged = acknowledged
                self.stopsShown = stopsShown
                self.proposalsShown = proposalsShown
                self.queue = queue
            }
        }

        /// Scene visits since the start (stops belong to one visit).
        public var visit: Int
        public var proposalsOpen: Bool
        /// The screen's part (nil for other roles).
        public var screen: ScreenPart?
        /// The host's and the moderator's part (nil for other roles).
        public var staff: StaffPart?

        public init(visit: Int, proposalsOpen: Bool, screen: ScreenPart? = nil, staff: StaffPart? = nil) {
            self.visit = visit
            self.proposalsOpen = proposalsOpen
            self.screen = screen
            self.staff = staff
        }

        /// The wire form, in protocol order.
        var json: JSONValue {
            var fields: [(String, JSONValue)] = [("visit", .int(visit)), ("proposals_open", .bool(proposalsOpen))]
            if let screen {
                fields.append(("stops", screen.stops.map { .int($0) } ?? .null))
                fields.append(
                    (
                        "proposals",
                        screen.proposals.map { proposals in
                            .array(
                                proposals.map {
                                    .object([
                                        ("id", .string($0.id)), ("text", .string($0.text)),
                                        ("same_idea", .int($0.sameIdea)),
                                    ])
                                })
                        } ?? .null
                    ))
            }
            if let staff {
                fields += [
                    ("stops", .int(staff.stops)), ("acknowledged", staff.acknowledged.map { .int($0) } ?? .null),
                    ("stops_shown", .bool(staff.stopsShown)), ("proposals_shown", .bool(staff.proposalsShown)),
                    ("queue", .array(staff.queue.map(Self.queuedJSON))),
                ]
            }
            return .object(fields)
        }

        private static func queuedJSON(_ proposal: QueuedProposal) -> JSONValue {
            .object([
                ("id", .string(proposal.id)), ("text", .string(proposal.text)),
                ("status", .string(proposal.status.rawValue)), ("merged_into", .string(proposal.mergedInto)),
                ("option", .string(proposal.option)), ("run", .string(proposal.run)),
                ("scene", .string(proposal.scene)),
                ("same_idea", .int(proposal.sameIdea)), ("at", .string(ISOTime.string(proposal.at))),
            ])
        }

        /// Reads a `room` member; nil when absent or not an object. A `queue` says it is the
        /// staff's; otherwise `stops` or `proposals` say it is the screen's.
        init?(json: JSONValue?) {
            guard let json, json.members != nil else { return nil }
            visit = json["visit"]?.intValue ?? 0
            proposalsOpen = json["proposals_open"]?.boolValue ?? false
            if let queue = json["queue"] {
                screen = nil
                staff = StaffPart(
                    stops: json["stops"]?.intValue ?? 0, acknowledged: json["acknowledged"]?.intValue,
                    stopsShown: json["stops_shown"]?.boolValue ?? false,
                    proposalsShown: json["proposals_shown"]?.boolValue ?? false,
                    queue: (queue.arrayValue ?? []).compactMap(Self.queued))
            } else if json["stops"] != nil || json["proposals"] != nil {
                staff = nil
                screen = ScreenPart(
                    stops: json["stops"]?.intValue,
                    proposals: json["proposals"]?.arrayValue.map { items in
                        items.compactMap { item in
                            item["id"]?.stringValue.map {
                                ShownProposal(
                                    id: $0, text: item["text"]?.stringValue ?? "",
                                    sameIdea: item["same_idea"]?.intValue ?? 0)
                            }
                        }
                    })
            } else {
                screen = nil
                staff = nil
            }
        }

        private static func queued(_ item: JSONValue) -> QueuedProposal? {
            guard let id = item["id"]?.stringValue else { return nil }
            return QueuedProposal(
                id: id, text: item["text"]?.stringValue ?? "",
                status: item["status"]?.stringValue.flatMap(ProposalStatus.init(rawValue:)) ?? .pending,
                mergedInto: item["merged_into"]?.stringValue, option: item["option"]?.stringValue,
                run: item["run"]?.stringValue, scene: item["scene"]?.stringValue,
                sameIdea: item["same_idea"]?.intValue ?? 0,
                at: item["at"]?.stringValue.flatMap(ISOTime.date) ?? Date(timeIntervalSince1970: 0))
        }
    }
}
