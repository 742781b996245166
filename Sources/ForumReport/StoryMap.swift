import ForumCore

/// A story's map as inline SVG, laid out here: scenes in rows by their distance from the
/// start (breadth first), the scenes and links the run took drawn dark and thick, the others
/// light. Decorative for screen readers: the route is also written out as a list.
enum StoryMap {
    static func svg(story: Story, route: [RouteStep]) -> String {
        var depth: [String: Int] = [story.start: 0]
        var queue = [story.start]
        var order: [String] = []
        while !queue.isEmpty {
            let id = queue.removeFirst()
            order.append(id)
            for next in targets(of: story.scene(id)) where depth[next] == nil && story.scene(next) != nil {
                depth[next] = depth[id]! + 1
                queue.append(next)
            }
        }
        for scene in story.scenes where depth[scene.id] == nil {
            depth[scene.id] = (depth.values.max() ?? 0) + 1
            order.append(scene.id)
        }
        let rows = Dictionary(grouping: order) { depth[$0]! }
        let width = 680
        let rowHeight = 64
        let widest = rows.values.map(\.count).max() ?? 1
        let nodeWidth = min(120, width / (widest + 1) - 8)
        var position: [String: (x: Int, y: Int)] = [:]
        for (row, ids) in rows {
            let gap = width / (ids.count + 1)
            for (index, id) in ids.enumerated() { position[id] = (gap * (index + 1), 24 + row * rowHeight) }
        }
        let visited = Set(route.compactMap(\.scene))
        var taken: Set<String> = []
        let scenes = route.map(\.scene)
        for (from, to) in zip(scenes, scenes.dropFirst()) {
            if let from, let to { taken.insert(from + "→" + to) }
        }
        let height = 24 + (rows.keys.max() ?? 0) * rowHeight + 30
        var svg =
            "<svg class=\"map\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" aria-hidden=\"true\" focusable=\"false\">"
        var edges = ""
        for id in order {
            guard let from = position[id] else { continue }
            for next in targets(of: story.scene(id)) {
                guard let to = position[next] else { continue }
                let onRoute = taken.contains(id + "→" + next)
                edges +=
                    "<line x1=\"\(from.x)\" y1=\"\(from.y + 12)\" x2=\"\(to.x)\" y2=\"\(to.y - 12)\" "
                    + "class=\"\(onRoute ? "edge taken" : "edge")\"/>"
            }
        }
        svg += edges
        for id in order {
            guard let at = position[id] else { continue }
            let name = story.scene(id)?.title ?? id
            let fits = max(6, nodeWidth / 8)
            let short = HTMLText.escape(String(name.prefix(fits)) + (name.count > fits ? "…" : ""))
            let onRoute = visited.contains(id)
            svg +=
                "<rect x=\"\(at.x - nodeWidth / 2)\" y=\"\(at.y - 12)\" width=\"\(nodeWidth)\" height=\"24\" rx=\"6\" "
                + "class=\"\(onRoute ? "node taken" : "node")\"/>"
                + "<text x=\"\(at.x)\" y=\"\(at.y + 5)\" text-anchor=\"middle\" "
                + "class=\"\(onRoute ? "nodetext taken" : "nodetext")\">\(short)</text>"
        }
        return svg + "</svg>"
    }

    private static func targets(of scene: Scene?) -> [String] {
        guard let scene else { return [] }
        var ids = scene.decision?.options.compactMap { scene.decision?.destination(of: $0) } ?? []
        if let next = scene.next { ids.append(next) }
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }
}
