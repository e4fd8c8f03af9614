import Foundation

/// A status line on stderr for long runs, such as "claimcheck: 1200/10000 articles, 3 not
/// passing", redrawn in place. It appears only when stderr is a terminal and the run has
/// taken two seconds, is redrawn at most twice a second, and is erased by `end()`, so
/// pipes, logs and CI output never see it.
final class ProgressLine: @unchecked Sendable {
    private let console: Console
    private let start: Date
    private var lastDrawn = Date.distantPast
    private var drawn = false
    /// Seconds after the start before the line first appears.
    let delay: TimeInterval

    init(console: Console, delay: TimeInterval = 2, start: Date = Date()) {
        self.console = console
        self.delay = delay
        self.start = start
    }

    /// Redraws the line with `text(secondsSinceStart)` if it is due; `text` is not called
    /// otherwise. Not thread-safe: call it from one thread, or under a lock.
    func update(now: Date = Date(), _ text: (Double) -> String) {
        guard console.errorIsTerminal else { return }
        let seconds = now.timeIntervalSince(start)
        guard seconds >= delay, now.timeIntervalSince(lastDrawn) >= 0.5 else { return }
        lastDrawn = now
        drawn = true
        console.err("\rclaimcheck: \(text(seconds))\u{1B}[K")
    }

    /// Erases the line, if it was drawn.
    func end() {
        if drawn { console.err("\r\u{1B}[K") }
        drawn = false
    }
}
