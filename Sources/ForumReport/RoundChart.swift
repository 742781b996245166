/// A round's results as an inline SVG bar chart: one bar per option with its 95% interval
/// as a line. Decorative for screen readers (`aria-hidden`): the table next to it says the
/// same in text.
enum RoundChart {
    static func svg(_ round: RoundReport) -> String {
        let rowHeight = 34
        let labelWidth = 250
        let barWidth = 350
        let height = round.options.count * rowHeight + 10
        var svg =
            "<svg class=\"chart\" viewBox=\"0 0 \(labelWidth + barWidth + 60) \(height)\" aria-hidden=\"true\" "
            + "focusable=\"false\" width=\"100%\">"
        for (index, option) in round.options.enumerated() {
            let y = 5 + index * rowHeight
            let label = HTMLText.escape(String(option.label.prefix(24)) + (option.label.count > 24 ? "…" : ""))
            svg += "<text x=\"0\" y=\"\(y + 20)\" class=\"label\">\(index + 1). \(label)</text>"
            let share = (option.percent ?? 0) / 100
            let width = Int((share * Double(barWidth)).rounded())
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(barWidth)\" height=\"22\" class=\"track\"/>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(width)\" height=\"22\" class=\"bar\"/>"
            if let low = option.low, let high = option.high {
                let x1 = labelWidth + Int((low / 100 * Double(barWidth)).rounded())
                let x2 = labelWidth + Int((high / 100 * Double(barWidth)).rounded())
                svg += "<line x1=\"\(x1)\" x2=\"\(x2)\" y1=\"\(y + 15)\" y2=\"\(y + 15)\" class=\"ci\"/>"
                svg += "<line x1=\"\(x1)\" x2=\"\(x1)\" y1=\"\(y + 9)\" y2=\"\(y + 21)\" class=\"ci\"/>"
                svg += "<line x1=\"\(x2)\" x2=\"\(x2)\" y1=\"\(y + 9)\" y2=\"\(y + 21)\" class=\"ci\"/>"
            }
            svg +=
                "<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(y + 20)\" class=\"value\">"
                + "\(HTMLText.percent(option.percent))</text>"
        }
        return svg + "</svg>"
    }
}
