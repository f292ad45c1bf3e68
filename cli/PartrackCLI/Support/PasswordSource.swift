import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Asks a person for their password.
public protocol PasswordSource: Sendable {
    /// Nil when nobody can be asked (no terminal) or the input ended.
    func readPassword(prompt: String) -> String?
}

/// Reads the password from the terminal with echo turned off, so it never shows on screen or in
/// the scrollback; the terminal's settings are put back however the read ends.
public struct TerminalPassword: PasswordSource {
    public init() {}

    public func readPassword(prompt: String) -> String? {
        guard isatty(0) == 1 else { return nil }
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        guard tcgetattr(0, &saved) == 0 else { return nil }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        silent.c_lflag |= tcflag_t(ECHONL)
        guard tcsetattr(0, TCSAFLUSH, &silent) == 0 else { return nil }
        defer { _ = tcsetattr(0, TCSAFLUSH, &saved) }
        return Swift.readLine(strippingNewline: true)
    }
}
