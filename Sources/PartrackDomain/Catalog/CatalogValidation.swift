/// What can be wrong with a catalog file. Each problem names the node and the line,
/// so the person who typed the annex can find it; a catalog with any problem is not stored.
public struct CatalogProblem: UserFacingError, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        case duplicateCode = "catalog.duplicate_code"
        case childOutsideParent = "catalog.child_outside_parent"
        case childrenExceedParent = "catalog.children_exceed_parent"
        case childrenBelowParent = "catalog.children_below_parent"
        case negativePoints = "catalog.negative_points"
        case thresholdsOutOfOrder = "catalog.thresholds_out_of_order"
        case thresholdOutOfRange = "catalog.threshold_out_of_range"
        case badCode = "catalog.bad_code"
        case lateCreditOutOfRange = "catalog.late_credit_out_of_range"
        case empty = "catalog.empty"
        case missingField = "data_file.missing_field"
        case badValue = "data_file.bad_value"
        case unreadable = "data_file.unreadable"
    }

    public var kind: Kind
    public var file: String
    public var line: Int
    /// The node's code (or the class's name) the problem is about; empty for the whole file.
    public var node: String
    public var details: [String: String]

    public init(_ kind: Kind, file: String, line: Int, node: String, details: [String: String] = [:]) {
        self.kind = kind
        self.file = file
        self.line = line
        self.node = node
        self.details = details
    }

    public var message: Message {
        Message(kind.rawValue, details.merging(["file": file, "line": "\(line)", "node": node]) { a, _ in a })
    }

    public var description: String { "\(file):\(line): \(message)" }
}

/// All the problems of a catalog at once, so a file is fixed in one pass.
public struct CatalogInvalid: UserFacingError, Equatable {
    public var problems: [CatalogProblem]

    public init(problems: [CatalogProblem]) { self.problems = problems }

    public var message: Message {
        problems.count == 1
            ? problems[0].message
            : Message("catalog.invalid_many", ["count": "\(problems.count)", "first": problems[0].description])
    }
}

public enum CatalogValidator {
    /// Checks the rules of a criteria tree; returns every problem found, in file order.
    public static func problems(in catalog: CatalogDefinition, file: String) -> [CatalogProblem] {
        var problems: [CatalogProblem] = []
        if catalog.areas.isEmpty {
            problems.append(CatalogProblem(.empty, file: file, line: 1, node: ""))
        }
        if catalog.lateCreditPercent < 0 || catalog.lateCreditPercent > 100 {
            problems.append(
                CatalogProblem(
                    .lateCreditOutOfRange, file: file, line: 1, node: "",
                    details: ["value": Points(hundredths: catalog.lateCreditPercent).description]))
        }
        problems += thresholdProblems(catalog.classes, file: file)

        var seen: [String: Int] = [:]
        func visit(_ node: CatalogNodeDefinition, parent: CatalogNodeDefinition?) {
            if let firstLine = seen[node.code] {
                problems.append(
                    CatalogProblem(
                        .duplicateCode, file: file, line: node.line, node: node.code,
                        details: ["first_line": "\(firstLine)"]))
            } else {
                seen[node.code] = node.line
            }
            if !isWellFormed(code: node.code) {
                problems.append(CatalogProblem(.badCode, file: file, line: node.line, node: node.code))
            } else if let parent, !isChild(node.code, of: parent.code) {
                problems.append(
                    CatalogProblem(
                        .childOutsideParent, file: file, line: node.line, node: node.code,
                        details: ["parent": parent.code]))
            } else if parent == nil, node.depth != 1 {
                problems.append(
                    CatalogProblem(
                        .childOutsideParent, file: file, line: node.line, node: node.code, details: ["parent": "—"]))
            }
            if node.maxPoints < .zero {
                problems.append(
                    CatalogProblem(
                        .negativePoints, file: file, line: node.line, node: node.code,
                        details: ["points": node.maxPoints.description]))
            }
            if !node.children.isEmpty {
                let sum = node.children.reduce(Points.zero) { $0 + $1.maxPoints }
                let details = ["sum": sum.description, "max": node.maxPoints.description]
                if sum > node.maxPoints {
                    problems.append(
                        CatalogProblem(
                            .childrenExceedParent, file: file, line: node.line, node: node.code, details: details))
                } else if sum < node.maxPoints {
                    // Points no child can earn would make totals unreachable; the annex has a typo.
                    problems.append(
                        CatalogProblem(
                            .childrenBelowParent, file: file, line: node.line, node: node.code, details: details))
                }
            }
            for child in node.children { visit(child, parent: node) }
        }
        for area in catalog.areas { visit(area, parent: nil) }
        return problems.sorted { ($0.line, $0.node) < ($1.line, $1.node) }
    }

    /// Throws every problem at once; returns quietly for a valid catalog.
    public static func validate(_ catalog: CatalogDefinition, file: String) throws(CatalogInvalid) {
        let found = problems(in: catalog, file: file)
        if !found.isEmpty { throw CatalogInvalid(problems: found) }
    }

    static func thresholdProblems(_ classes: [ClassThreshold], file: String) -> [CatalogProblem] {
        var problems: [CatalogProblem] = []
        for (index, band) in classes.enumerated() {
            if band.minPercentHundredths < 0 || band.minPercentHundredths > 10_000 {
                problems.append(
                    CatalogProblem(
                        .thresholdOutOfRange, file: file, line: band.line, node: band.name,
                        details: ["percent": Points(hundredths: band.minPercentHundredths).description]))
            }
            if index > 0, band.minPercentHundredths >= classes[index - 1].minPercentHundredths {
                problems.append(
                    CatalogProblem(
                        .thresholdsOutOfOrder, file: file, line: band.line, node: band.name,
                        details: ["previous": classes[index - 1].name]))
            }
        }
        return problems
    }

    /// "1", "1.2", "1.2.3": positive integers joined by dots.
    static func isWellFormed(code: String) -> Bool {
        let parts = code.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }
    }

    /// "1.2.3" is a child of "1.2"; "2.1" is not a child of "1.2", nor "1.2.3.4" of "1.2".
    static func isChild(_ code: String, of parent: String) -> Bool {
        code.hasPrefix(parent + ".") && code.split(separator: ".").count == parent.split(separator: ".").count + 1
    }
}
