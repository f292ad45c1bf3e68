import ArgumentParser

/// A command that does its work with an injected context. `PartrackCommand.run(arguments:context:)`
/// calls `run(in:)`; the parameterless `run()` that ArgumentParser asks for uses the live context.
protocol PartrackSubcommand: AsyncParsableCommand {
    func run(in context: CLIContext) async throws
}

extension PartrackSubcommand {
    mutating func run() async throws { try await run(in: .live()) }
}
