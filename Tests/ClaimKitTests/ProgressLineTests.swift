import Foundation
import Testing

@testable import ClaimCheckCLI

/// The progress line of long `check` and `list --input jsonl` runs: only on a terminal,
/// only after the delay, throttled, and erased at the end.
@Suite struct ProgressLineTests {
    let start = Date(timeIntervalSinceReferenceDate: 1000)

    func line(terminal: Bool) -> (ProgressLine, Captured) {
        let captured = Captured()
        let console = Console(
            out: { captured.appendOut($0) }, err: { captured.appendErr($0) }, environment: [:],
            errorIsTerminal: terminal)
        return (ProgressLine(console: console, delay: 2, start: start), captured)
    }

    @Test func silentWhenStandardErrorIsNotATerminal() {
        let (progress, captured) = line(terminal: false)
        var asked = false
        progress.update(now: start + 10) { _ in
            asked = true
            return "x"
        }
        progress.end()
        #expect(captured.err.isEmpty && captured.out.isEmpty)
        #expect(!asked, "the text is not built when it would not be shown")
    }

    @Test func appearsAfterTheDelayAndIsThrottled() {
        let (progress, captured) = line(terminal: true)
        progress.update(now: start + 1.9) { _ in "early" }
        #expect(captured.err.isEmpty, "nothing before the delay: \(captured.err.debugDescription)")
        progress.update(now: start + 2) { s in "\(Int(s)) s" }
        #expect(captured.err == "\rclaimcheck: 2 s\u{1B}[K")
        progress.update(now: start + 2.2) { _ in "too soon" }
        #expect(!captured.err.contains("too soon"), "redrawn at most twice a second")
        progress.update(now: start + 2.6) { _ in "later" }
        #expect(captured.err.hasSuffix("\rclaimcheck: later\u{1B}[K"))
        #expect(captured.out.isEmpty, "progress never goes to standard output")
    }

    @Test func endErasesOnlyADrawnLine() {
        let (quiet, quietCaptured) = line(terminal: true)
        quiet.update(now: start + 1) { _ in "early" }
        quiet.end()
        #expect(quietCaptured.err.isEmpty, "a short run leaves no trace")

        let (drawn, drawnCaptured) = line(terminal: true)
        drawn.update(now: start + 3) { _ in "3/10 articles" }
        drawn.end()
        #expect(drawnCaptured.err.hasSuffix("\r\u{1B}[K"))
        drawn.end()
        #expect(drawnCaptured.err.components(separatedBy: "\r\u{1B}[K").count == 2, "erased once")
    }
}
