public struct UnitDTO: Codable, Sendable, Equatable {
    public var id: Int
    public var code: String
    public var name: String
    /// province | district | commune | department
    public var level: String
    public var parentID: Int?

    public init(id: Int, code: String, name: String, level: String, parentID: Int?) {
        self.id = id
        self.code = code
        self.name = name
        self.level = level
        self.parentID = parentID
    }
}

public struct PositionDTO: Codable, Sendable, Equatable {
    public var id: Int
    public var unitID: Int
    public var title: String
    public var aliases: [String]
    public var holders: [PersonDTO]

    public init(id: Int, unitID: Int, title: String, aliases: [String], holders: [PersonDTO]) {
        self.id = id
        self.unitID = unitID
        self.title = title
        self.aliases = aliases
        self.holders = holders
    }
}

/// A person as others see them: no role details, no credentials.
public struct PersonDTO: Codable, Sendable, Equatable {
    public var id: Int
    public var username: String
    public var displayName: String

    public init(id: Int, username: String, displayName: String) {
        self.id = id
        self.username = username
        self.displayName = displayName
    }
}
