/// A square QR symbol as modules (`true`: dark), row by row from the top left, without the
/// quiet zone around it.
public struct QRMatrix: Equatable, Sendable {
    /// Modules per side.
    public let size: Int
    /// `size * size` modules, row-major.
    public let modules: [Bool]

    /// A matrix from its rows; every row must be `rows.count` long.
    public init(rows: [[Bool]]) {
        precondition(rows.allSatisfy { $0.count == rows.count }, "a QR matrix is square")
        size = rows.count
        modules = rows.flatMap { $0 }
    }

    /// Whether the module in column `x`, row `y` is dark.
    public subscript(x: Int, y: Int) -> Bool {
        modules[y * size + x]
    }
}
