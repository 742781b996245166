import CGraphviz
import ForumCore
import Synchronization

/// The story map's picture: where Graphviz's `dot` puts each scene and each link. Only the
/// shape of the story goes to Graphviz (scene ids and links; every box the same size); the
/// page draws the scene names itself, as text.
public struct StoryMap: Sendable, Equatable, Codable {
    /// One scene's box, centred on (x, y), in points from the top left.
    public struct Node: Sendable, Equatable, Codable {
        public var id: String
        public var x: Double
        public var y: Double
        public var width: Double
        public var height: Double
        /// True for a link's destination that is not a scene of the story (yet).
        public var missing: Bool
    }

    /// One link: from a scene to another, the option's position (0-based) when it is a vote's,
    /// and the points of its curve.
    public struct Edge: Sendable, Equatable, Codable {
        public var from: String
        public var to: String
        public var option: Int?
        public var points: [[Double]]
    }

    public var width: Double
    public var height: Double
    public var nodes: [Node]
    public var edges: [Edge]
}

/// Lays out a story with Graphviz (`dot`, top to bottom). Graphviz is not thread-safe: one
/// layout at a time.
public enum StoryMapLayout {
    private static let lock = Mutex(())
    /// Box size, in inches (Graphviz's unit); the page scales the picture.
    static let boxWidth = 1.9
    static let boxHeight = 0.6

    /// The map of `story`, or nil when Graphviz fails.
    public static func layout(_ story: Story) -> StoryMap? {
        lock.withLock { _ in plainLayout(story).flatMap { parse(plain: $0, story: story) } }
    }

    /// Graphviz's `plain` output for the story's graph (node names are ``safe(_:)`` ids).
    static func plainLayout(_ story: Story) -> String? {
        guard let context = gvContext() else { return nil }
        defer { gvFreeContext(context) }
        guard let graph = forum_agopen_directed("story") else { return nil }
        defer { agclose(graph) }
        let attributes: [(Int32, String, String)] = [
            (Int32(AGRAPH), "rankdir", "TB"), (Int32(AGRAPH), "nodesep", "0.3"), (Int32(AGNODE), "shape", "box"),
            (Int32(AGNODE), "fixedsize", "true"), (Int32(AGNODE), "width", "\(boxWidth)"),
            (Int32(AGNODE), "height", "\(boxHeight)"), (Int32(AGNODE), "label", ""),
        ]
        for (kind, name, value) in attributes {
            // Graphviz copies attribute names and values into its own string pool.
            _ = name.withCString { name in
                value.withCString { value in
                    agattr(graph, kind, UnsafeMutablePointer(mutating: name), UnsafeMutablePointer(mutating: value))
                }
            }
        }
        func node(_ id: String) -> UnsafeMutablePointer<Agnode_t>? {
            safe(id).withCString { agnode(graph, UnsafeMutablePointer(mutating: $0), 1) }
        }
        for scene in story.scenes { _ = node(scene.id) }
        for (index, link) in links(of: story).enumerated() {
            guard let tail = node(link.from), let head = node(link.to) else { continue }
            _ = "e\(index)".withCString { agedge(graph, tail, head, UnsafeMutablePointer(mutating: $0), 1) }
        }
        guard gvLayout(context, graph, "dot") == 0 else { return nil }
        defer { gvFreeLayout(context, graph) }
        var data: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(context, graph, "plain", &data, &length) == 0, let data else { return nil }
        defer { gvFreeRenderData(data) }
        return String(cString: data)
    }

    /// One link of the story: a scene's `next`, or an option's destination.
    struct Link: Equatable {
        var from: String
        var to: String
        var option: Int?
    }

    /// Every link of the story, in order.
    static func links(of story: Story) -> [Link] {
        story.scenes.flatMap { scene -> [Link] in
            if let decision = scene.decision {
                return decision.options.enumerated().compactMap { index, option in
                    decision.destination(of: option).map { Link(from: scene.id, to: $0, option: index) }
                }
            }
            return scene.next.map { [Link(from: scene.id, to: $0, option: nil)] } ?? []
        }
    }

    /// Ids as Graphviz node names: only `a-z 0-9 -` are kept (a draft may hold anything).
    static func safe(_ id: String) -> String {
        let kept = String(
            String.UnicodeScalarView(
                id.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }))
        return kept.isEmpty ? "_" : kept
    }

    /// Reads Graphviz's `plain` format (inches, y upwards) into points from the top left.
    /// Edges come per tail in the order they were made; each is matched to the first link
    /// not yet matched with the same ends.
    static func parse(plain: String, story: Story) -> StoryMap? {
        var original: [String: String] = [:]
        var links = links(of: story)
        for id in story.scenes.map(\.id) + links.map(\.to) where original[safe(id)] == nil { original[safe(id)] = id }
        let scenes = Set(story.scenes.map(\.id))
        var map = StoryMap(width: 0, height: 0, nodes: [], edges: [])
        var height = 0.0
        for line in plain.split(separator: "\n") {
            // Graphviz quotes names that are not plain words, such as `"at-a-e"`.
            let parts = line.split(separator: " ").map { part in
                part.count >= 2 && part.hasPrefix("\"") && part.hasSuffix("\"")
                    ? String(part.dropFirst().dropLast()) : String(part)
            }
            guard let kind = parts.first else { continue }
            let numbers = parts.map { Double($0) }
            switch kind {
            case "graph" where parts.count >= 4:
                guard let w = numbers[2], let h = numbers[3] else { return nil }
                height = h
                map.width = w * 72
                map.height = h * 72
            case "node" where parts.count >= 6:
                guard let x = numbers[2], let y = numbers[3], let w = numbers[4], let h = numbers[5] else { return nil }
                let id = original[parts[1]] ?? parts[1]
                map.nodes.append(
                    StoryMap.Node(
                        id: id, x: x * 72, y: (height - y) * 72, width: w * 72, height: h * 72,
                        missing: !scenes.contains(id)))
            case "edge" where parts.count >= 4:
                guard let count = Int(parts[3]), parts.count >= 4 + 2 * count else { return nil }
                let from = original[parts[1]] ?? parts[1]
                let to = original[parts[2]] ?? parts[2]
                var points: [[Double]] = []
                for index in 0..<count {
                    guard let x = numbers[4 + 2 * index], let y = numbers[5 + 2 * index] else { return nil }
                    points.append([x * 72, (height - y) * 72])
                }
                let match = links.firstIndex { $0.from == from && $0.to == to }
                let option = match.flatMap { links.remove(at: $0).option }
                map.edges.append(StoryMap.Edge(from: from, to: to, option: option, points: points))
            default: break
            }
        }
        return map
    }
}
