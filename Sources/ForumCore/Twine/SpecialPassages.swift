/// Sorts a Twine story's passages into the story's own data (`StoryTitle`, `StoryData`,
/// `ForumData`), the parts Forum leaves out (scripts, stylesheets, story formats' special
/// passages), and the passages that become scenes.
struct SpecialPassages {
    /// Passages that story formats treat as code or page furniture, never as story.
    static let formatPassages: Set<String> = [
        "StoryInit", "StoryCaption", "StoryMenu", "StoryBanner", "StorySubtitle", "StoryAuthor", "StoryShare",
        "StorySettings", "StoryIncludes", "StoryInterface", "StoryDisplayTitle", "PassageReady", "PassageDone",
        "PassageHeader", "PassageFooter", "StoryTitleStyle",
    ]

    /// The passages that become scenes, in file order.
    var passages: [TwinePassage] = []
    /// Forum's own details, when the story came from Forum.
    var forumData: ForumData?
    /// Where the `ForumData` passage is.
    var forumDataPosition = SourcePosition.start
    /// The story with `StoryTitle` and `StoryData` applied.
    var story: TwineStory

    /// Sorts `story`'s passages, warning about each one left out.
    init(_ story: TwineStory, log: inout DiagnosticLog) {
        self.story = story
        for passage in story.passages {
            let at = passage.origin.header
            if passage.tags.contains("script") || passage.tags.contains("stylesheet") {
                let kind = passage.tags.contains("script") ? "JavaScript" : "stylesheet"
                log.warning(
                    "passage `\(passage.name)` is the story's \(kind); Forum leaves it out", at: at,
                    hint: "Forum shows text and votes in its own style and runs no code")
                continue
            }
            switch passage.name {
            case "StoryTitle":
                self.story.name = TwineText.trimmedBothEnds(passage.text)
            case "StoryData":
                readStoryData(passage, log: &log)
            case ForumData.passageName:
                forumData = TwineJSON.decode(ForumData.self, from: passage.text)
                forumDataPosition = at
                if forumData == nil {
                    log.warning(
                        "passage `ForumData` cannot be read, so Forum's own details (ids, host notes, images) are lost",
                        at: at, hint: "it holds JSON written by `forum export-story`; undo the changes made to it")
                }
            case _ where Self.formatPassages.contains(passage.name):
                log.warning(
                    "passage `\(passage.name)` is special to Twine's story formats; Forum leaves it out", at: at,
                    hint: "if it tells part of the story, rename it and link to it")
            default:
                passages.append(passage)
            }
        }
    }

    /// Applies `StoryData`'s IFID, start passage and format.
    private mutating func readStoryData(_ passage: TwinePassage, log: inout DiagnosticLog) {
        story.line = passage.origin.headerLine
        guard let data = TwineJSON.object(passage.text) else {
            log.warning(
                "passage `StoryData` is not a JSON object, so the story's IFID and start passage are not known",
                at: passage.origin.header,
                hint: "write it as `{\"ifid\": \"…\", \"start\": \"Start\"}` or export the Twee file from Twine again")
            return
        }
        story.ifid = data["ifid"] as? String ?? story.ifid
        story.start = data["start"] as? String ?? story.start
        story.format = data["format"] as? String ?? story.format
    }
}
