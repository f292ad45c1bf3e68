import Foundation
import PartrackCLI

exit(await PartrackCommand.run(arguments: Array(CommandLine.arguments.dropFirst())))
