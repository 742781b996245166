import ForumCore
import ForumStoryMap
import ForumStudio
import Foundation
import Testing

@Suite("Story map layout (Graphviz)")
struct StoryMapTests {
    @Test("the start is on top, each option is an edge downwards, every box inside the picture")
    func decision() throws {
        let story = StoryTemplate.decision.story(id: "t", title: "T")
        let map = try #require(StoryMapLayout.layout(story))
        #expect(Set(map.nodes.map(\.id)) == ["start", "waiting", "help"])
        #expect(map.nodes.allSatisfy { !$0.missing })
        let start = try #require(map.nodes.first { $0.id == "start" })
        #expect(map.nodes.allSatisfy { $0.id == "start" || $0.y > start.y })
        for node in map.nodes {
            #expect(node.x - node.width / 2 >= -0.5 && node.x + node.width / 2 <= map.width + 0.5)
            #expect(node.y - node.height / 2 >= -0.5 && node.y + node.height / 2 <= map.height + 0.5)
        }
        #expect(map.edges.map(\.option).sorted { ($0 ?? -1) < ($1 ?? -1) } == [0, 1])
        #expect(map.edges.allSatisfy { $0.from == "start" && $0.points.count >= 4 })
    }

    @Test("a link to a scene that does not exist yet gets a box marked missing")
    func missing() throws {
        var story = StoryTemplate.decision.story(id: "t", title: "T")
        story.scenes[1].next = "no-where"
        story.scenes[2].next = "waiting"
        let map = try #require(StoryMapLayout.layout(story))
        #expect(map.nodes.first { $0.id == "no-where" }?.missing == true)
        #expect(map.edges.count == 4)
        #expect(map.edges.contains { $0.from == "help" && $0.to == "waiting" && $0.option == nil })
    }

    @Test("a story of 120 scenes is laid out in well under a second")
    func large() throws {
        let scenes = (0..<120).map { index in
            Scene(
                id: "s\(index)", text: "x",
                decision: index < 118
                    ? Decision(
                        question: "?",
                        options: [
                            Option(id: "a", label: "a", next: "s\(index + 1)"),
                            Option(id: "b", label: "b", next: "s\(min(index + 2, 119))"),
                        ]) : nil)
        }
        let started = Date()
        let map = try #require(StoryMapLayout.layout(Story(id: "big", title: "Big", start: "s0", scenes: scenes)))
        #expect(Date().timeIntervalSince(started) < 1.0)
        #expect(map.nodes.count == 120)
        #expect(map.edges.count == 236)
    }
}
