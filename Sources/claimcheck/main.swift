import ClaimCheckCLI
import Foundation

exit(ClaimCheck.run(Array(CommandLine.arguments.dropFirst())))
