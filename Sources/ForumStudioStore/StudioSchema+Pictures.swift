extension StudioSchema {
    /// `pictures` (studio-v2-pictures): APPEND-ONLY, every picture a writer added to a story from
    /// their device: its path in the scenarios folder once published (`images/STORY-RANDOM.EXT`),
    /// its kind (from its first bytes), the bytes (at most 2 MiB), the description given with
    /// it, who added it and when. Publishing writes the pictures a story's scenes name into the
    /// scenarios folder.
    static let pictures = """
        CREATE TABLE pictures (
            story_id TEXT NOT NULL REFERENCES stories(id),
            path TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('png','jpeg','webp')),
            bytes BLOB NOT NULL CHECK (length(bytes) BETWEEN 1 AND 2097152),
            alt TEXT NOT NULL CHECK (length(alt) BETWEEN 1 AND 300),
            author TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (story_id, path)
        );
        CREATE TRIGGER pictures_no_update BEFORE UPDATE ON pictures
            BEGIN SELECT RAISE(ABORT, 'pictures are append-only'); END;
        CREATE TRIGGER pictures_no_delete BEFORE DELETE ON pictures
            BEGIN SELECT RAISE(ABORT, 'pictures are append-only'); END;
        """
}
