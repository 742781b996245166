import Foundation

/// Whether a path inside the scenarios folder really leads to a regular file inside it, after
/// every symbolic link on the way is followed. A story's image that is a link to
/// `/etc/shadow` must never be published, nor pass `forum check`.
enum FolderContainment {
    /// The real location of `relative` inside `folder` when it is a regular file whose real
    /// path is inside the folder's real path; nil otherwise (missing, a folder, or leading out).
    static func regularFile(_ relative: String, in folder: String) -> URL? {
        let root = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL.resolvingSymlinksInPath()
        let real = root.appendingPathComponent(relative).standardizedFileURL.resolvingSymlinksInPath()
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        guard real.path.hasPrefix(rootPath) else { return nil }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real.path, isDirectory: &isFolder), !isFolder.boolValue else {
            return nil
        }
        return real
    }

    /// True when `relative` is a symbolic link (or passes through one) whose target is not
    /// inside the folder.
    static func isLinkLeadingOut(_ relative: String, in folder: String) -> Bool {
        let root = URL(fileURLWithPath: folder, isDirectory: true).standardizedFileURL.resolvingSymlinksInPath()
        let real = root.appendingPathComponent(relative).standardizedFileURL.resolvingSymlinksInPath()
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return !real.path.hasPrefix(rootPath)
    }
}
