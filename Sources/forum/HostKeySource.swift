import ArgumentParser
import Foundation

/// Where the host key comes from, for `forum serve` and `forum host`: a file
/// (`--host-key-file`, `--key-file`), the command line (`--host-key`, `--key`: any user of the
/// machine can read it with `ps`), the environment (`FORUM_HOST_KEY`), or, for `forum serve`
/// only, a new random key. The key is printed only when it was made here.
struct HostKeySource: Equatable {
    /// Where a key was found.
    enum Origin: Equatable {
        case file(String)
        case environment
        case commandLine
        case generated
    }

    var key: String
    var origin: Origin

    /// Keys shorter than this are easy to guess; `forum serve` warns.
    static let comfortableLength = 12

    /// The key from the first source given: `file`, then `argument`, then `FORUM_HOST_KEY`
    /// (what is said on this command beats what is set around it); nil when none is.
    static func resolve(
        file: String?, argument: String?, environment: [String: String], variable: String = "FORUM_HOST_KEY"
    ) throws -> HostKeySource? {
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read the host key file '\(file)'")
            }
            let key = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !key.isEmpty, !key.contains(where: \.isNewline) else {
                throw ValidationError("the host key file '\(file)' must hold the key on one line")
            }
            return HostKeySource(key: key, origin: .file(file))
        }
        if let argument { return HostKeySource(key: argument, origin: .commandLine) }
        if let key = environment[variable], !key.isEmpty {
            return HostKeySource(key: key, origin: .environment)
        }
        return nil
    }

    /// Warnings for a key given in a way others can read, or one that is easy to guess.
    var warnings: [String] {
        var warnings: [String] = []
        if origin == .commandLine {
            warnings.append(
                "warning: a host key on the command line can be read by anyone on this machine (ps); "
                    + "use FORUM_HOST_KEY or --host-key-file instead")
        }
        if origin != .generated, key.count < Self.comfortableLength {
            warnings.append(
                "warning: the host key is shorter than \(Self.comfortableLength) characters, so it is easy to guess; "
                    + "leave it out and forum serve makes a strong one")
        }
        return warnings
    }

    /// The banner's line about the key: the key itself only when it was made here.
    var bannerLine: String {
        switch origin {
        case .generated: "Host key: \(key)  (new for this show; set FORUM_HOST_KEY or --host-key-file to choose one)"
        case .file(let path): "Host key: the one in \(path)"
        case .environment: "Host key: the one in FORUM_HOST_KEY"
        case .commandLine: "Host key: the one given with --host-key"
        }
    }
}
