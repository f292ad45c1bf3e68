import Foundation
import NIOCore
import Testing
import Vapor

#if canImport(Glibc)
    import Glibc
#endif

extension Application {
    /// Starts the real HTTP server on a free loopback port and returns that port.
    public func startLive() async throws -> Int {
        http.server.configuration.hostname = "127.0.0.1"
        http.server.configuration.port = 0
        try await server.start(address: .hostname("127.0.0.1", port: 0))
        storage[LiveKey.self] = true
        return try #require(http.server.shared.localAddress?.port)
    }

    private struct LiveKey: StorageKey { typealias Value = Bool }

    /// Stops the real HTTP server if a test started one: Vapor insists on it before shutdown.
    public func stopLive() async {
        if storage[LiveKey.self] == true { await server.shutdown() }
    }
}

/// Speaks HTTP over a plain socket, so a test can do what a browser or the CLI cannot be made to
/// do on purpose: stop sending halfway through a body and hang up.
public enum RawHTTP {
    public static func sendAndHangUp(port: Int, head: String, body: Data) throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(connected == 0)
        for chunk in [Data(head.utf8), body] {
            _ = chunk.withUnsafeBytes { send(descriptor, $0.baseAddress, chunk.count, Int32(MSG_NOSIGNAL)) }
        }
    }
}
