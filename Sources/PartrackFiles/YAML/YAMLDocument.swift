import Foundation
import PartrackDomain
import Yams

/// A YAML file read into Yams nodes, keeping each node's line so problems can name it.
/// Collects problems instead of stopping at the first, so a file is fixed in one pass.
struct YAMLReader {
    let file: String
    private(set) var problems: [CatalogProblem] = []

    init(file: String) { self.file = file }

    /// The document's root, or nil (with a problem recorded) when it is not YAML.
    mutating func root(of text: String) -> Node? {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                problems.append(CatalogProblem(.empty, file: file, line: 1, node: ""))
                return nil
            }
            return node
        } catch let error as YamlError {
            problems.append(
                CatalogProblem(
                    .unreadable, file: file, line: Self.line(of: error), node: "",
                    details: ["reason": "\(error)".firstLine]))
            return nil
        } catch {
            problems.append(
                CatalogProblem(.unreadable, file: file, line: 1, node: "", details: ["reason": "\(error)".firstLine]))
            return nil
        }
    }

    static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return 1
        }
    }

    mutating func missing(_ field: String, in node: Node, owner: String) {
        problems.append(
            CatalogProblem(
                .missingField, file: file, line: node.mark?.line ?? 1, node: owner,
                details: ["field": field, "node_suffix": owner.isEmpty ? "" : " (\(owner))"]))
    }

    mutating func bad(_ field: String, value: Node, owner: String) {
        problems.append(
            CatalogProblem(
                .badValue, file: file, line: value.mark?.line ?? 1, node: owner,
                details: [
                    "field": field, "value": value.string ?? "…", "node_suffix": owner.isEmpty ? "" : " (\(owner))",
                ]))
    }

    mutating func string(_ field: String, in node: Node, owner: String = "") -> String? {
        guard let value = node[field] else {
            missing(field, in: node, owner: owner)
            return nil
        }
        guard let text = value.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            bad(field, value: value, owner: owner)
            return nil
        }
        return text
    }

    mutating func int(_ field: String, in node: Node, owner: String = "") -> Int? {
        guard let value = node[field] else {
            missing(field, in: node, owner: owner)
            return nil
        }
        guard let number = value.int else {
            bad(field, value: value, owner: owner)
            return nil
        }
        return number
    }

    /// Points written as a number ("2.5", "10"); at most two decimals.
    mutating func points(_ field: String, in node: Node, owner: String = "") -> Points? {
        guard let value = node[field] else {
            missing(field, in: node, owner: owner)
            return nil
        }
        guard let text = value.string, let points = Points(parsing: text) else {
            bad(field, value: value, owner: owner)
            return nil
        }
        return points
    }

    mutating func optionalBool(_ field: String, in node: Node, default fallback: Bool) -> Bool {
        guard let value = node[field] else { return fallback }
        guard let flag = value.bool else {
            bad(field, value: value, owner: "")
            return fallback
        }
        return flag
    }

    mutating func sequence(_ field: String, in node: Node, owner: String = "", required: Bool = true) -> [Node] {
        guard let value = node[field] else {
            if required { missing(field, in: node, owner: owner) }
            return []
        }
        guard case .sequence(let items) = value else {
            bad(field, value: value, owner: owner)
            return []
        }
        return Array(items)
    }
}

extension String {
    var firstLine: String { String(split(separator: "\n", maxSplits: 1).first ?? "") }
}

extension YAMLReader {
    /// A value that must be one of an enumeration's raw values ("commune", "officer", "Q1").
    mutating func enumValue<Value: RawRepresentable>(
        _ field: String, in node: Node, owner: String, as type: Value.Type
    ) -> Value? where Value.RawValue == String {
        guard let text = string(field, in: node, owner: owner) else { return nil }
        guard let value = Value(rawValue: text) else {
            if let valueNode = node[field] { bad(field, value: valueNode, owner: owner) }
            return nil
        }
        return value
    }

    /// A date written dd/mm/yyyy.
    mutating func date(_ field: String, in node: Node, owner: String = "") -> LocalDate? {
        guard let text = string(field, in: node, owner: owner) else { return nil }
        guard let date = try? DateInput.parse(text) else {
            if let valueNode = node[field] { bad(field, value: valueNode, owner: owner) }
            return nil
        }
        return date
    }

    /// A moment written "dd/mm/yyyy HH:mm" in the clock's zone.
    mutating func instant(_ field: String, in node: Node, clock: CivilClock, owner: String = "") -> Date? {
        guard let text = string(field, in: node, owner: owner) else { return nil }
        guard let instant = try? clock.parseDateTime(text) else {
            if let valueNode = node[field] { bad(field, value: valueNode, owner: owner) }
            return nil
        }
        return instant
    }

    /// An optional list of strings; absent means empty.
    mutating func strings(_ field: String, in node: Node) -> [String] {
        sequence(field, in: node, required: false).compactMap(\.string)
    }
}
