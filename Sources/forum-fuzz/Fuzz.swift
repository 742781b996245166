import Foundation

#if FUZZING
    /// libFuzzer's entry point (built with `--sanitize fuzzer -Xswiftc -DFUZZING`, see
    /// scripts/fuzz): the target comes from `FORUM_FUZZ_TARGET`.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
        FuzzSelection.target.run(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }

    /// The target named by the environment, read once.
    enum FuzzSelection {
        static let target: FuzzTarget = {
            let name = ProcessInfo.processInfo.environment["FORUM_FUZZ_TARGET"] ?? ""
            guard let target = FuzzTarget(rawValue: name) else {
                let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
                FileHandle.standardError.write(Data("set FORUM_FUZZ_TARGET to one of: \(names)\n".utf8))
                exit(2)
            }
            return target
        }()
    }
#else
    /// Without the fuzzer: replays every file of a corpus folder through its target, so the
    /// inputs the fuzzer kept (and every crash it ever found) stay tested in an ordinary build.
    /// `forum-fuzz TARGET FOLDER...`
    @main
    struct CorpusReplay {
        static func main() {
            let arguments = CommandLine.arguments.dropFirst()
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name), arguments.count > 1 else {
                let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
                FileHandle.standardError.write(Data("usage: forum-fuzz \(names) FOLDER...\n".utf8))
                exit(64)
            }
            var count = 0
            for folder in arguments.dropFirst() {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
                for file in names.sorted() {
                    guard let data = FileManager.default.contents(atPath: folder + "/" + file) else { continue }
                    target.run([UInt8](data))
                    count += 1
                }
            }
            print("\(target.rawValue): \(count) inputs replayed, none trapped")
        }
    }
#endif
