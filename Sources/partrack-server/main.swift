import Foundation
import PartrackServer
import Vapor

// The server executable: read the configuration, build the application, run its command
// (`serve` by default; see `partrack-server --help` for the others).
let config: AppConfig
do {
    config = try AppConfig.fromEnvironment(
        ProcessInfo.processInfo.environment,
        workingDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(1)
}
var environment = try Environment.detect()
try LoggingSystem.bootstrap(from: &environment)
let app = try await Application.make(environment)
do {
    try await configure(app, config: config)
    try await app.execute()
} catch {
    app.logger.report(error: error)
    try? await app.asyncShutdown()
    exit(1)
}
try await app.asyncShutdown()
