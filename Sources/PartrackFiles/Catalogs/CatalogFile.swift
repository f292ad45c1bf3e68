import Foundation
import PartrackDomain
import Yams

/// Reads a criteria catalog written in the YAML format of `seeds/catalogs/README.md`
/// and validates it. Any problem — of form or of the tree's rules — fails the whole file,
/// so a half-understood catalog is never stored.
public enum CatalogFile {
    public static func load(contentsOf url: URL) throws(CatalogInvalid) -> CatalogDefinition {
        let name = url.lastPathComponent
        guard let data = try? Data(contentsOf: url) else {
            throw CatalogInvalid(problems: [
                CatalogProblem(
                    .unreadable, file: name, line: 1, node: "", details: ["reason": "cannot open \(url.path)"])
            ])
        }
        return try parse(data, file: name)
    }

    public static func parse(_ data: Data, file: String) throws(CatalogInvalid) -> CatalogDefinition {
        guard let text = String(data: data, encoding: .utf8) else {
            throw CatalogInvalid(problems: [
                CatalogProblem(.unreadable, file: file, line: 1, node: "", details: ["reason": "not UTF-8 text"])
            ])
        }
        return try parse(text, file: file)
    }

    public static func parse(_ text: String, file: String) throws(CatalogInvalid) -> CatalogDefinition {
        var reader = YAMLReader(file: file)
        guard let root = reader.root(of: text) else { throw CatalogInvalid(problems: reader.problems) }

        let name = reader.string("name", in: root)
        let year = reader.int("year", in: root)
        let levelText = reader.string("level", in: root)
        let level = levelText.flatMap(UnitLevel.init(rawValue:))
        if levelText != nil, level == nil, let node = root["level"] { reader.bad("level", value: node, owner: "") }
        let decision = root["decision"]?.string ?? ""
        let isSample = reader.optionalBool("sample", in: root, default: false)
        var lateCredit = Points(hundredths: 50)
        if root["late_credit"] != nil, let value = reader.points("late_credit", in: root) { lateCredit = value }
        let classes = reader.sequence("classes", in: root).compactMap { readClass($0, reader: &reader) }
        let areas = reader.sequence("areas", in: root).compactMap { readNode($0, reader: &reader) }

        guard reader.problems.isEmpty, let name, let year, let level else {
            throw CatalogInvalid(problems: reader.problems)
        }
        let catalog = CatalogDefinition(
            name: name, year: year, level: level, decision: decision, isSample: isSample,
            lateCreditPercent: lateCredit.hundredths, classes: classes, areas: areas)
        try CatalogValidator.validate(catalog, file: file)
        return catalog
    }

    private static func readClass(_ node: Node, reader: inout YAMLReader) -> ClassThreshold? {
        let name = reader.string("name", in: node)
        let minimum = reader.points("min_percent", in: node, owner: name ?? "")
        guard let name, let minimum else { return nil }
        return ClassThreshold(name: name, minPercentHundredths: minimum.hundredths, line: node.mark?.line ?? 0)
    }

    private static func readNode(_ node: Node, reader: inout YAMLReader) -> CatalogNodeDefinition? {
        let code = reader.string("code", in: node)
        let owner = code ?? ""
        let title = reader.string("title", in: node, owner: owner)
        let maximum = reader.points("max", in: node, owner: owner)
        var measure = CriterionMeasure.tasks
        if let value = node["measure"] {
            if let parsed = value.string.flatMap(CriterionMeasure.init(rawValue:)) {
                measure = parsed
            } else {
                reader.bad("measure", value: value, owner: owner)
            }
        }
        let children = reader.sequence("children", in: node, owner: owner, required: false)
            .compactMap { readNode($0, reader: &reader) }
        guard let code, let title, let maximum else { return nil }
        return CatalogNodeDefinition(
            code: code, title: title, maxPoints: maximum, measure: measure, children: children,
            line: node.mark?.line ?? 0)
    }
}
