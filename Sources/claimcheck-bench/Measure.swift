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

/// Makes glibc keep the memory the extractor frees for the next extraction, instead of
/// handing large blocks back to the kernel.
///
/// By default glibc serves each allocation above its mmap threshold (which it raises to at
/// most 32 MB) with fresh pages and unmaps them on free, so every 10 MB pathological run
/// pays the kernel for zeroing a few hundred MB of new pages (`clear_page_erms` took 44-62%
/// of those runs under perf) while a 1 MB run reuses its warm heap. That made
/// time(10 MB) / time(1 MB) measure the allocator, not the extractor. With this, both sizes
/// run on a warm heap. glibc only; elsewhere a no-op.
func keepFreedMemory() {
    #if canImport(Glibc)
        // <malloc.h> is not in Swift's Glibc module; look mallopt(3) up by name.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let (trimThreshold, mmapMax): (Int32, Int32) = (-1, -4)  // M_TRIM_THRESHOLD, M_MMAP_MAX
        _ = mallopt(mmapMax, 0)
        _ = mallopt(trimThreshold, Int32.max)
    #endif
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

    /// The fastest (by this thread's CPU time) of `repeats` extractions of each of two
    /// articles, timed in turn (a, b, a, b, …) so that a slow spell of a shared machine
    /// falls on both sizes rather than on one.
    static func pair(_ a: [UInt8], _ b: [UInt8], repeats: Int, extractor: ClaimExtractor) -> (RunResult, RunResult) {
        var best: (RunResult?, RunResult?) = (nil, nil)
        for _ in 0..<max(1, repeats) {
            let ra = single(a, repeats: 1, extractor: extractor)
            if best.0 == nil || ra.cpuSeconds < best.0!.cpuSeconds { best.0 = ra }
            let rb = single(b, repeats: 1, extractor: extractor)
            if best.1 == nil || rb.cpuSeconds < best.1!.cpuSeconds { best.1 = rb }
        }
        return (best.0!, best.1!)
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
