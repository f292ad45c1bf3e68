import Leaf
import PartrackDomain

/// `#t("key")` or `#t("key", "name", value, …)`: a string of the locale catalog in the reader's
/// language, so templates hold no prose of their own. Output is escaped like any Leaf value.
struct TranslateTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else {
            throw TemplateMistake(description: "#t() needs a message key as its first parameter")
        }
        var arguments: [String: String] = [:]
        var rest = ctx.parameters.dropFirst()
        while let name = rest.popFirst()?.string, let value = rest.popFirst() {
            arguments[name] = value.string ?? ""
        }
        guard let request = ctx.request else { return .string(key) }
        return .string(request.localized(key, arguments))
    }
}

/// A template written wrongly: a developer's mistake, reported when the page renders.
struct TemplateMistake: Error, CustomStringConvertible {
    let description: String
}
