/// The text of one scenario or event file, with the path shown in diagnostics.
///
/// ForumCore never reads files: the caller reads them and hands the text in.
public struct SourceFile: Sendable, Equatable {
    /// The path as the user should see it in messages, such as `scenarios/sams-night.yaml`.
    public var path: String
    /// The whole file as text.
    public var text: String

    /// A file with this display path and text.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The file name without its folders, such as `sams-night.yaml`.
    public var fileName: String {
        guard let slash = path.lastIndex(where: { $0 == "/" || $0 == "\\" }) else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The file name without `.yaml` (or `.yml`): the id of the story the file holds.
    public var storyID: String {
        let name = fileName
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) && name.count > suffix.count {
            return String(name.dropLast(suffix.count))
        }
        return name
    }
}
