import Foundation
import PartrackDomain

/// Charts drawn on the server as inline SVG: no script, no request to another host, and they
/// print. Every text put into the SVG is escaped here.
enum SVGChart {
    struct AreaBar {
        let code: String
        let title: String
        let maximum: Points
        let figures: Figures
    }

    /// One row per area: the ceiling (light), projected (medium) and earned (dark) as shares of
    /// the area's maximum, with the figures written beside.
    static func areaBars(_ areas: [AreaBar], labels: (earned: String, projected: String, ceiling: String)) -> String {
        let rowHeight = 34
        let labelWidth = 250
        let barWidth = 330
        let width = labelWidth + barWidth + 150
        let height = areas.count * rowHeight + 30
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(escape(labels.projected))\">"
        ]
        for (index, area) in areas.enumerated() {
            let y = index * rowHeight + 4
            let scale = { (points: Points) -> Int in
                area.maximum.hundredths == 0 ? 0 : points.hundredths * barWidth / area.maximum.hundredths
            }
            let title = area.title.count > 34 ? String(area.title.prefix(33)) + "…" : area.title
            parts.append("<text x=\"0\" y=\"\(y + 17)\" font-size=\"13\">\(escape(area.code)). \(escape(title))</text>")
            parts.append(
                "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(barWidth)\" height=\"18\" fill=\"#eef1f4\"/>")
            parts.append(
                "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(scale(area.figures.ceiling))\" height=\"18\" fill=\"#c9dcf0\"/>"
            )
            parts.append(
                "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(scale(area.figures.projected))\" height=\"18\" fill=\"#6fa3d8\"/>"
            )
            parts.append(
                "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(scale(area.figures.earned))\" height=\"18\" fill=\"#0b5cad\"/>"
            )
            parts.append(
                "<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(y + 17)\" font-size=\"13\">\(area.figures.earned.vietnamese) · \(area.figures.projected.vietnamese) · \(area.figures.ceiling.vietnamese) / \(area.maximum.vietnamese)</text>"
            )
        }
        let legendY = areas.count * rowHeight + 20
        for (offset, item) in [(labels.earned, "#0b5cad"), (labels.projected, "#6fa3d8"), (labels.ceiling, "#c9dcf0")]
            .enumerated()
        {
            let x = labelWidth + offset * 120
            parts.append("<rect x=\"\(x)\" y=\"\(legendY - 10)\" width=\"12\" height=\"12\" fill=\"\(item.1)\"/>")
            parts.append("<text x=\"\(x + 16)\" y=\"\(legendY)\" font-size=\"12\">\(escape(item.0))</text>")
        }
        parts.append("</svg>")
        return parts.joined()
    }

    struct TrendPoint {
        let label: String
        let earnedPercent: Int
        let projectedPercent: Int
    }

    /// Projected and earned percent at each recorded moment, as two lines over 0–100 %.
    static func trend(_ points: [TrendPoint], labels: (earned: String, projected: String)) -> String {
        guard !points.isEmpty else { return "" }
        let width = 560
        let height = 220
        let left = 40
        let bottom = 190
        let top = 10
        let step = points.count > 1 ? (width - left - 20) / (points.count - 1) : 0
        let y = { (hundredths: Int) in bottom - (bottom - top) * min(max(hundredths, 0), 10_000) / 10_000 }
        func polyline(_ values: [Int], color: String) -> String {
            let coordinates = values.enumerated().map { "\(left + $0.offset * step),\(y($0.element))" }.joined(
                separator: " ")
            let dots = values.enumerated().map {
                "<circle cx=\"\(left + $0.offset * step)\" cy=\"\(y($0.element))\" r=\"3\" fill=\"\(color)\"/>"
            }.joined()
            return "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(coordinates)\"/>" + dots
        }
        var parts = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-label=\"\(escape(labels.projected))\">"
        ]
        for mark in [0, 50, 100] {
            parts.append(
                "<line x1=\"\(left)\" x2=\"\(width - 10)\" y1=\"\(y(mark * 100))\" y2=\"\(y(mark * 100))\" stroke=\"#d5dbe0\"/>"
            )
            parts.append("<text x=\"0\" y=\"\(y(mark * 100) + 4)\" font-size=\"11\">\(mark)%</text>")
        }
        parts.append(polyline(points.map(\.projectedPercent), color: "#6fa3d8"))
        parts.append(polyline(points.map(\.earnedPercent), color: "#0b5cad"))
        for (index, point) in points.enumerated() {
            parts.append(
                "<text x=\"\(left + index * step)\" y=\"\(bottom + 18)\" font-size=\"11\" text-anchor=\"middle\">\(escape(point.label))</text>"
            )
        }
        parts.append(
            "<text x=\"\(width - 200)\" y=\"\(top + 12)\" font-size=\"12\" fill=\"#6fa3d8\">— \(escape(labels.projected))</text>"
        )
        parts.append(
            "<text x=\"\(width - 200)\" y=\"\(top + 28)\" font-size=\"12\" fill=\"#0b5cad\">— \(escape(labels.earned))</text>"
        )
        parts.append("</svg>")
        return parts.joined()
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
