/// A sentence for a person, kept as a key into the locale catalog (`web/locales/*.json`)
/// with named arguments, so the domain never hard-codes a language.
/// The server renders it in the reader's language; tests compare keys, not prose.
public struct Message: Hashable, Sendable, Codable, CustomStringConvertible {
    public let key: String
    public let arguments: [String: String]

    public init(_ key: String, _ arguments: [String: String] = [:]) {
        self.key = key
        self.arguments = arguments
    }

    public var description: String {
        arguments.isEmpty
            ? key
            : key + " " + arguments.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }
}

/// An error whose text a civil servant reads. Every domain error conforms.
public protocol UserFacingError: Error {
    var message: Message { get }
}
