/// Renders a QR matrix as a small SVG document: no IO, the same matrix always gives the same
/// bytes.
public enum QRSVG {
    /// The light margin the QR standard asks for around the symbol, in modules.
    public static let quietZone = 4

    /// An SVG of `matrix`, black on white, with a quiet zone of ``quietZone`` modules. The
    /// view box counts modules, so the image scales to any size without blurring
    /// (`crispEdges`). The dark modules are one `<path>` of horizontal runs. `title` (the
    /// encoded text) is the image's accessible name.
    public static func render(_ matrix: QRMatrix, title: String) -> String {
        let side = matrix.size + 2 * quietZone
        var path = ""
        for y in 0..<matrix.size {
            var x = 0
            while x < matrix.size {
                guard matrix[x, y] else {
                    x += 1
                    continue
                }
                let start = x
                while x < matrix.size, matrix[x, y] { x += 1 }
                let run = x - start
                path += "M\(start + quietZone) \(y + quietZone)h\(run)v1h-\(run)z"
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges" \
            role="img"><title>\(escape(title))</title><rect width="\(side)" height="\(side)" fill="#fff"/>\
            <path fill="#000" d="\(path)"/></svg>

            """
    }

    /// `text` safe inside XML character data and attribute values.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
