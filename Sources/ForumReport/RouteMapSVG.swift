import ForumCore
import ForumStoryMap

/// A story's map as inline SVG, laid out by Graphviz through ``StoryMapLayout`` (the same
/// layout as the studio's story map): the scenes and links the run took drawn dark and thick,
/// the others light. Decorative for screen readers: the route is also written out as a list.
enum RouteMapSVG {
    /// The map, or nil when Graphviz cannot lay the story out (the route list stands alone).
    static func svg(story: Story, route: [RouteStep]) -> String? {
        guard let map = StoryMapLayout.layout(story), map.width > 0, map.height > 0 else { return nil }
        let visited = Set(route.compactMap(\.scene))
        let scenes = route.map(\.scene)
        var taken: Set<String> = []
        for (from, to) in zip(scenes, scenes.dropFirst()) {
            if let from, let to { taken.insert(from + "→" + to) }
        }
        var svg =
            "<svg class=\"map\" viewBox=\"0 0 \(number(map.width)) \(number(map.height))\" width=\"100%\" "
            + "aria-hidden=\"true\" focusable=\"false\">"
        for edge in map.edges {
            let onRoute = taken.contains(edge.from + "→" + edge.to)
            svg += "<path d=\"\(path(edge.points))\" class=\"\(onRoute ? "edge taken" : "edge")\"/>"
        }
        for node in map.nodes {
            let name = story.scene(node.id)?.title ?? node.id
            let fits = max(6, Int(node.width / 7))
            let short = HTMLText.escape(name.count > fits ? String(name.prefix(fits - 1)) + "…" : name)
            let onRoute = visited.contains(node.id)
            svg +=
                "<rect x=\"\(number(node.x - node.width / 2))\" y=\"\(number(node.y - node.height / 2))\" "
                + "width=\"\(number(node.width))\" height=\"\(number(node.height))\" rx=\"6\" "
                + "class=\"\(onRoute ? "node taken" : "node")\"/>"
                + "<text x=\"\(number(node.x))\" y=\"\(number(node.y + 4))\" text-anchor=\"middle\" "
                + "class=\"\(onRoute ? "nodetext taken" : "nodetext")\">\(short)</text>"
        }
        return svg + "</svg>"
    }

    /// Graphviz's edge points (a B-spline: a start, then three points per cubic piece) as an
    /// SVG path.
    static func path(_ points: [[Double]]) -> String {
        guard let first = points.first, first.count == 2 else { return "" }
        var d = "M\(number(first[0])),\(number(first[1]))"
        var rest = points.dropFirst()
        while rest.count >= 3 {
            let piece = rest.prefix(3).map { "\(number($0[0])),\(number($0[1]))" }
            d += " C" + piece.joined(separator: " ")
            rest = rest.dropFirst(3)
        }
        for point in rest { d += " L\(number(point[0])),\(number(point[1]))" }
        return d
    }

    /// A coordinate with one decimal at most, for compact SVG.
    private static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
