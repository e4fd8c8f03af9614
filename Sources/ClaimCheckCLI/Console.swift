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

    /// Standard output and standard error of this process. When standard output cannot
    /// be written (a full disk, a closed pipe with SIGPIPE ignored), the process says so
    /// on standard error and exits with status 2, as `ExitStatus.trouble`: what was
    /// already written stays, and fixtures are only ever replaced whole. A failed write
    /// to standard error is ignored.
    public static var standard: Console {
        Console(
            out: { text in
                let code = writeAll(STDOUT_FILENO, text)
                guard code != 0 else { return }
                _ = writeAll(
                    STDERR_FILENO, "claimcheck: cannot write standard output (\(String(cString: strerror(code))))\n")
                exit(ExitStatus.trouble)
            },
            err: { _ = writeAll(STDERR_FILENO, $0) },
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
