import ClaimKit
import Foundation

/// `claimcheck list --input jsonl`: a stream of `{"id", "text"}` lines in, one JSON line
/// per input line out, in input order, extracted on `jobs` threads.
///
/// The reader (the calling thread) keeps at most `window` lines in flight — read but not
/// yet written — so memory is bounded by the window, not the stream. Workers take lines
/// in order; whoever finishes the oldest line in flight writes every finished line it
/// can, in order. A line that is not a JSON object with a string "text" (without NUL) gets
/// `{"line": N, "id": …, "error": "…"}` and the run ends with exit status 2.
struct JSONLinesList {
    let path: String
    let jobs: Int
    let rules: Bool
    let extractor: ClaimExtractor
    let console: Console

    /// Lines in flight per job.
    static let linesPerJob = 4

    func run() -> Int32 {
        let reader: LineReader
        do {
            reader = try LineReader(path: path)
        } catch {
            console.err("claimcheck: \(error)\n")
            return ExitStatus.trouble
        }
        let progress = Progress(console: console)
        let shared = Shared(window: max(1, jobs) * Self.linesPerJob, console: console, progress: progress)
        let workers = DispatchGroup()
        for _ in 0..<max(1, jobs) {
            workers.enter()
            let thread = Thread { [extractor, rules] in
                while let item = shared.take() {
                    shared.finish(
                        item.sequence, Self.output(for: item.line, extractor: extractor, rules: rules),
                        bytes: item.line.bytes.count)
                }
                workers.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        var readError: Error? = nil
        var sequence = 0
        while true {
            let line: LineReader.Line?
            do {
                line = try reader.next()
            } catch {
                readError = error
                break
            }
            guard let line else { break }
            if !line.tooLong && line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }  // blank
            shared.put(Item(sequence: sequence, line: line))
            sequence += 1
        }
        shared.close()
        workers.wait()
        progress.end()
        if let readError {
            console.err("claimcheck: \(readError)\n")
            return ExitStatus.trouble
        }
        return shared.anyBad ? ExitStatus.trouble : ExitStatus.same
    }

    struct Item: Sendable {
        var sequence: Int
        var line: LineReader.Line
    }

    /// The JSON line (with its LF) for one input line, and whether the line was bad.
    static func output(for line: LineReader.Line, extractor: ClaimExtractor, rules: Bool) -> (text: String, bad: Bool) {
        if line.tooLong {
            return (error(line: line.number, id: nil, "line longer than \(ArticleReader.sizeLimit) bytes"), true)
        }
        let article: ArticleLine
        do {
            article = try ArticleLine.decode(line.bytes)
        } catch {
            return (self.error(line: line.number, id: error.id, error.message), true)
        }
        let extraction = extractor.extract(from: article.text)
        var w = ClaimJSONWriter(capacity: ListCommand.outputEstimate(article.text.utf8.count))
        w.beginObject()
        w.key("id")
        w.value(article.id)
        w.key("claims")
        w.claims(extraction.claims, includeRules: rules)
        w.key("issues")
        w.issues(extraction.issues)
        w.endObject()
        w.newline()
        return (w.text, false)
    }

    static func error(line: Int, id: JSONValue?, _ message: String) -> String {
        JSONValue.object([("line", .number(Double(line))), ("id", id ?? .null), ("error", .string(message))]).compact()
            + "\n"
    }

    /// The window between the reader, the workers and the ordered writer.
    final class Shared: @unchecked Sendable {
        private let condition = NSCondition()
        private let window: Int
        private let console: Console
        private let progress: Progress
        private var queue: [Item] = []
        private var queueHead = 0
        private var finished: [Int: (text: String, bad: Bool, bytes: Int)] = [:]
        private var nextToWrite = 0
        private var inFlight = 0
        private var closed = false
        private(set) var anyBad = false

        init(window: Int, console: Console, progress: Progress) {
            self.window = window
            self.console = console
            self.progress = progress
        }

        /// Waits for room in the window, then queues the line.
        func put(_ item: Item) {
            condition.lock()
            while inFlight >= window { condition.wait() }
            inFlight += 1
            queue.append(item)
            condition.broadcast()
            condition.unlock()
        }

        /// No more lines.
        func close() {
            condition.lock()
            closed = true
            condition.broadcast()
            condition.unlock()
        }

        /// The oldest queued line, or nil once the input is closed and drained.
        func take() -> Item? {
            condition.lock()
            defer { condition.unlock() }
            while queueHead == queue.count && !closed { condition.wait() }
            guard queueHead < queue.count else { return nil }
            let item = queue[queueHead]
            queueHead += 1
            if queueHead > 64 && queueHead * 2 > queue.count {
                queue.removeSubrange(0..<queueHead)
                queueHead = 0
            }
            return item
        }

        /// Records a finished line and writes every finished line that is next in order.
        func finish(_ sequence: Int, _ output: (text: String, bad: Bool), bytes: Int) {
            condition.lock()
            defer { condition.unlock() }
            finished[sequence] = (output.text, output.bad, bytes)
            var wrote = false
            while let next = finished.removeValue(forKey: nextToWrite) {
                console.out(next.text)
                if next.bad { anyBad = true }
                nextToWrite += 1
                inFlight -= 1
                progress.wrote(bytes: next.bytes)
                wrote = true
            }
            if wrote { condition.broadcast() }
        }
    }

    /// Counts what the writer has written for the progress line:
    /// "claimcheck: 12000 articles, 35.2 MB, 11.8 MB/s".
    final class Progress: @unchecked Sendable {
        private let line: ProgressLine
        private var articles = 0
        private var bytes = 0

        init(console: Console) { line = ProgressLine(console: console) }

        /// Called with the writer's lock held.
        func wrote(bytes b: Int) {
            articles += 1
            bytes += b
            line.update { seconds in
                String(
                    format: "%d articles, %.1f MB, %.1f MB/s", self.articles, Double(self.bytes) / 1e6,
                    Double(self.bytes) / 1e6 / seconds)
            }
        }

        func end() { line.end() }
    }
}
