import ClaimKit
import Dispatch
import Foundation

/// Wall-clock seconds since an arbitrary start (monotonic).
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

#if os(Linux)
    let rusageSelf = RUSAGE_SELF.rawValue
#else
    let rusageSelf = RUSAGE_SELF
#endif

/// Peak resident set size of this process so far, in bytes (`getrusage` `ru_maxrss`,
/// which Linux gives in KiB and macOS in bytes).
func peakMemory() -> Int {
    var usage = rusage()
    getrusage(rusageSelf, &usage)
    #if os(Linux)
        return Int(usage.ru_maxrss) * 1024
    #else
        return Int(usage.ru_maxrss)
    #endif
}

/// CPU seconds of the calling thread so far (user and system). On a machine shared
/// with other work this moves far less than wall time, so single-threaded ratios use it.
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// User plus system CPU seconds of this process so far.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(rusageSelf, &usage)
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
}

/// What one timed run did.
struct RunResult {
    var seconds: Double
    var cpuSeconds: Double
    var bytes: Int
    var articles: Int
    var claims: Int
    /// Bytes of JSON written, when the run serialised its claims.
    var jsonBytes: Int = 0

    var megabytesPerSecond: Double { Double(bytes) / 1e6 / seconds }
    var articlesPerSecond: Double { Double(articles) / seconds }
}

/// Counters shared by the workers of a parallel run.
final class Totals: @unchecked Sendable {
    private let lock = NSLock()
    private var claims = 0
    private var json = 0
    func add(claims c: Int, json j: Int) {
        lock.lock()
        claims += c
        json += j
        lock.unlock()
    }
    var values: (claims: Int, json: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (claims, json)
    }
}

enum Measure {
    /// Extracts every article of `order` (indices into `articles`) with `jobs` workers;
    /// worker `w` takes articles `w`, `w + jobs`, … With `json`, each article's claims
    /// are also written as a JSON line (as `claimcheck list --format jsonl` does), and
    /// the text is dropped.
    static func corpus(
        _ articles: [[UInt8]], order: [Int], bytes: Int, jobs: Int, json: Bool, extractor: ClaimExtractor
    ) -> RunResult {
        let totals = Totals()
        let cpu0 = cpuSeconds()
        let t0 = now()
        // Explicit threads, not DispatchQueue.concurrentPerform: libdispatch's pool on
        // Linux may run the iterations one after another when the machine is busy, and
        // the point here is N extractions at once.
        let done = DispatchGroup()
        for w in 0..<jobs {
            done.enter()
            let thread = Thread {
                var claims = 0
                var jsonBytes = 0
                var writer = ClaimJSONWriter()
                var k = w
                while k < order.count {
                    let extraction = extractor.extract(utf8: articles[order[k]])
                    claims += extraction.claims.count
                    if json {
                        // As `list --format jsonl` writes a line: bytes, then the String handed out.
                        writer.removeAll()
                        writer.beginObject()
                        writer.key("id")
                        writer.integer(k)
                        writer.key("claims")
                        writer.claims(extraction.claims)
                        writer.endObject()
                        writer.newline()
                        let line = writer.text
                        jsonBytes += line.utf8.count
                    }
                    k += jobs
                }
                totals.add(claims: claims, json: jsonBytes)
                done.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        done.wait()
        let seconds = now() - t0
        let v = totals.values
        return RunResult(
            seconds: seconds, cpuSeconds: cpuSeconds() - cpu0, bytes: bytes, articles: order.count, claims: v.claims,
            jsonBytes: v.json)
    }

    /// The fastest (by this thread's CPU time) of `repeats` extractions of one article,
    /// on the calling thread. The extraction's result is freed inside the timing.
    static func single(_ text: [UInt8], repeats: Int, extractor: ClaimExtractor) -> RunResult {
        var best: RunResult? = nil
        for _ in 0..<max(1, repeats) {
            let cpu0 = threadCPUSeconds()
            let t0 = now()
            let claims = extractor.extract(utf8: text).claims.count
            let seconds = now() - t0
            let result = RunResult(
                seconds: seconds, cpuSeconds: threadCPUSeconds() - cpu0, bytes: text.count, articles: 1,
                claims: claims)
            if best == nil || result.cpuSeconds < best!.cpuSeconds { best = result }
        }
        return best!
    }
}
