import Foundation

/// Where the tool writes: results to `out`, diagnostics to `err`. Tests capture both.
public struct Console: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void
    public var environment: [String: String]
    /// Whether `out` is a terminal (for `--color auto`).
    public var outputIsTerminal: Bool
    /// Whether `err` is a terminal (for the progress line of long runs).
    public var errorIsTerminal: Bool

    public init(
        out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
        environment: [String: String] = ProcessInfo.processInfo.environment, outputIsTerminal: Bool = false,
        errorIsTerminal: Bool = false
    ) {
        self.out = out
        self.err = err
        self.environment = environment
        self.outputIsTerminal = outputIsTerminal
        self.errorIsTerminal = errorIsTerminal
    }

    /// Standard output and standard error of this process.
    public static var standard: Console {
        Console(
            out: { FileHandle.standardOutput.write(Data($0.utf8)) },
            err: { FileHandle.standardError.write(Data($0.utf8)) },
            outputIsTerminal: isatty(STDOUT_FILENO) != 0, errorIsTerminal: isatty(STDERR_FILENO) != 0)
    }
}

/// Exit statuses, as diff(1) uses them, plus 64 for usage errors (sysexits' EX_USAGE).
public enum ExitStatus {
    public static let same: Int32 = 0
    public static let differences: Int32 = 1
    public static let trouble: Int32 = 2
    public static let usage: Int32 = 64
}
