import Foundation
import PartrackTestSupport
import Testing
import Yams

/// web/openapi.yaml, read with Yams: its operations and a small JSON Schema check of real answers.
enum Contract {
    static let file = repositoryRoot.appendingPathComponent("web/openapi.yaml")

    static let roles = ["anonymous", "officer", "leader", "reviewer", "admin"]

    /// The assessment's operations also say what a member of the round's council gets.
    static func roles(for operation: Operation) -> [String] {
        operation.path.hasPrefix("/assessment-rounds") ? roles + ["council"] : roles
    }

    struct Operation: Sendable, CustomTestStringConvertible {
        /// "/tasks/{taskID}", relative to /api/v1.
        var path: String
        /// "GET", "PATCH", …
        var method: String
        var id: String
        /// Role → the status the operation's example gets.
        var access: [String: Int]
        /// The statuses the operation documents.
        var responses: [Int]
        var needsToken: Bool

        var testDescription: String { "\(method) \(path)" }
        var key: String { "\(method) \(path)" }
    }

    static func document() throws -> [String: Any] {
        let text = try String(contentsOf: file, encoding: .utf8)
        return try #require(try Yams.load(yaml: text) as? [String: Any])
    }

    static func load() throws -> [Operation] {
        let document = try document()
        let paths = try #require(document["paths"] as? [String: Any])
        let defaultSecurity = (document["security"] as? [Any])?.isEmpty == false
        var operations: [Operation] = []
        for (path, value) in paths {
            let item = try #require(value as? [String: Any])
            for method in ["get", "put", "post", "patch", "delete"] {
                guard let operation = item[method] as? [String: Any] else { continue }
                let access = (operation["x-partrack-access"] as? [String: Any] ?? [:]).compactMapValues { $0 as? Int }
                let responses = (operation["responses"] as? [AnyHashable: Any] ?? [:]).keys.compactMap {
                    Int("\($0)")
                }
                let security = operation["security"] as? [Any]
                operations.append(
                    Operation(
                        path: path, method: method.uppercased(), id: operation["operationId"] as? String ?? "",
                        access: access, responses: responses.sorted(),
                        needsToken: security.map { !$0.isEmpty } ?? defaultSecurity))
            }
        }
        return operations.sorted { $0.key < $1.key }
    }

    /// Loaded once for parameterised tests; `ContractTests` checks the load itself succeeds.
    static let operations: [Operation] = (try? load()) ?? []

    /// The JSON schema of an operation's answer with this status, if it answers JSON.
    static func responseSchema(_ operation: Operation, status: Int, in document: [String: Any]) -> [String: Any]? {
        guard let paths = document["paths"] as? [String: Any], let item = paths[operation.path] as? [String: Any],
            let op = item[operation.method.lowercased()] as? [String: Any],
            let responses = op["responses"] as? [AnyHashable: Any],
            var response = responses.first(where: { "\($0.key)" == "\(status)" })?.value as? [String: Any]
        else { return nil }
        if let reference = response["$ref"] as? String, let resolved = resolve(reference, in: document) {
            response = resolved
        }
        let content = response["content"] as? [String: Any]
        return (content?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
    }

    static func resolve(_ reference: String, in document: [String: Any]) -> [String: Any]? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: Any = document
        for part in reference.dropFirst(2).split(separator: "/") {
            guard let next = (node as? [String: Any])?[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    /// Every `$ref` in the document.
    static func references(in node: Any) -> [String] {
        if let object = node as? [String: Any] {
            return ((object["$ref"] as? String).map { [$0] } ?? []) + object.values.flatMap(references)
        }
        if let array = node as? [Any] { return array.flatMap(references) }
        return []
    }
}

/// A JSON value with its kind kept exactly (JSONSerialization blurs booleans and numbers).
indirect enum JSONValue: Decodable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }
}

/// Checks a value against the subset of JSON Schema the contract uses: `$ref`, `type`,
/// `properties`/`required`/`additionalProperties`, `items`, `enum`, `const`, `oneOf`.
/// An object may not carry a property the schema does not name: the contract must say it all.
struct SchemaCheck {
    let document: [String: Any]

    func problems(_ value: JSONValue, _ schema: [String: Any], at path: String = "$") -> [String] {
        if let reference = schema["$ref"] as? String {
            guard let resolved = Contract.resolve(reference, in: document) else { return ["\(path): bad $ref"] }
            return problems(value, resolved, at: path)
        }
        if let choices = schema["oneOf"] as? [[String: Any]] {
            return choices.contains { problems(value, $0, at: path).isEmpty } ? [] : ["\(path): matches no oneOf"]
        }
        if let allowed = schema["enum"] as? [Any] {
            let texts = allowed.map { "\($0)" }
            if case .string(let text) = value, !texts.contains(text) { return ["\(path): \(text) not in \(texts)"] }
        }
        switch (schema["type"] as? String, value) {
        case (nil, _): return []
        case ("string", .string): return []
        case ("integer", .integer): return []
        case ("number", .integer), ("number", .number): return []
        case ("boolean", .bool): return []
        case ("array", .array(let items)):
            guard let itemSchema = schema["items"] as? [String: Any] else { return [] }
            return items.enumerated().flatMap { problems($1, itemSchema, at: "\(path)[\($0)]") }
        case ("object", .object(let fields)):
            var found: [String] = []
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where fields[name] == nil {
                found.append("\(path): missing required \(name)")
            }
            let additional = schema["additionalProperties"] as? [String: Any]
            for (name, field) in fields {
                if let property = properties[name] as? [String: Any] {
                    found += problems(field, property, at: "\(path).\(name)")
                } else if let additional {
                    found += problems(field, additional, at: "\(path).\(name)")
                } else if !properties.isEmpty || schema["required"] != nil {
                    found.append("\(path): undocumented property \(name)")
                }
            }
            return found
        case (let type?, _): return ["\(path): expected \(type), got \(value)"]
        }
    }
}
