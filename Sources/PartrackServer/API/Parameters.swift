import Vapor

extension Request {
    /// A path parameter that must be a positive integer id; otherwise 404 for that kind of thing.
    func id(_ name: String, of what: String) throws -> Int {
        let text = parameters.get(name) ?? ""
        guard let id = Int(text), id > 0 else { throw PartrackError.notFound(what, id: text) }
        return id
    }
}
