import Foundation

/// Where a command's text goes.
public protocol OutputSink: Sendable {
    func write(_ text: String)
}

/// The process's standard output or error.
public struct StandardStream: OutputSink {
    let handle: FileHandle

    public static let output = StandardStream(handle: .standardOutput)
    public static let error = StandardStream(handle: .standardError)

    public func write(_ text: String) { handle.write(Data(text.utf8)) }
}

/// Where typed or piped lines come from.
public protocol InputSource: Sendable {
    /// The next line without its line break; nil at the end of input.
    func readLine() -> String?
    /// Everything left.
    func readAll() -> String
}

/// The process's standard input.
public struct StandardInput: InputSource {
    public init() {}

    public func readLine() -> String? { Swift.readLine(strippingNewline: true) }

    public func readAll() -> String {
        String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
}
