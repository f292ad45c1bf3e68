/// One page of a list. Lists are paginated with `?page=1&per=50` (per at most 500).
public struct PageDTO<Item: Codable & Sendable>: Codable, Sendable {
    public var items: [Item]
    public var metadata: PageMetadata

    public init(items: [Item], metadata: PageMetadata) {
        self.items = items
        self.metadata = metadata
    }
}

public struct PageMetadata: Codable, Sendable, Equatable {
    public var page: Int
    public var per: Int
    public var total: Int

    public init(page: Int, per: Int, total: Int) {
        self.page = page
        self.per = per
        self.total = total
    }
}

/// Every error of /api/v1 has this shape, with `message` in the request's language.
public struct ErrorDTO: Codable, Sendable, Equatable {
    /// Stable, machine-readable (e.g. `date.no_such_day`, `not_found`).
    public var code: String
    public var message: String
    public var details: [String: String]

    public init(code: String, message: String, details: [String: String] = [:]) {
        self.code = code
        self.message = message
        self.details = details
    }
}

public struct HealthDTO: Codable, Sendable {
    public var status: String
    public var database: String
    public var version: String

    public init(status: String, database: String, version: String) {
        self.status = status
        self.database = database
        self.version = version
    }
}
