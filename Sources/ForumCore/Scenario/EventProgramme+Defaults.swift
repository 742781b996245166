extension EventProgramme {
    /// The title used when there is no event file, or it has no `title`.
    public static let defaultTitle = "Forum theatre"

    /// What the closing screen says happens next when the event file has no `next_steps`.
    public static let defaultNextSteps =
        "Today’s votes will be written up in a report for the people who plan and run these services, "
        + "and shared with everyone who took part."

    /// The programme used without an event file: the default perspectives and every story
    /// in one session.
    public static func allStories(_ storyIDs: [String], title: String = defaultTitle)
        -> EventProgramme
    {
        EventProgramme(
            title: title, perspectives: defaultPerspectives, sessions: [.allStories(storyIDs)])
    }
}

extension ProgrammeSession {
    /// The id of the one session used when the event file does not list sessions.
    public static let allStoriesID = "all"

    /// The one session holding every story, used when the event file does not list sessions.
    public static func allStories(_ storyIDs: [String]) -> ProgrammeSession {
        ProgrammeSession(id: allStoriesID, title: "All stories", stories: storyIDs)
    }
}
