/// A correctness failure or a broken run: the bench prints it and exits non-zero.
struct BenchFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
