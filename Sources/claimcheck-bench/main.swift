import ClaimKit
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

let usage = """
    OVERVIEW: Benchmark of ClaimKit's extractor: throughput on the corpus mix on one core
    and on N cores, peak memory, linear cost on pathological inputs, the ratio to a
    peer extractor, and `claimcheck check` over many pairs. Run it in release mode:

        swift run -c release claimcheck-bench [options]

    USAGE: claimcheck-bench [--sizes 1,10,100] [--jobs N] [--format text|json] [options]

    OPTIONS:
      --corpus <dir>          Articles the inputs are built from (default: Corpus)
      --sizes <MB,...>        Corpus-mix sizes in MB of 10^6 bytes (default: 1,10,100)
      --jobs <N>              Workers for the parallel runs (default: all cores)
      --repeat <N>            Best of N for each corpus-mix run (default: 1; at least 1)
      --path-sizes <a,b>      Pathological sizes in MB, the smaller first; the ratio is
                              time(b)/time(a) (default: 1,10)
      --no-corpus             Skip the corpus-mix runs
      --no-pathological       Skip the pathological inputs
      --peer <command>        Run a peer extractor on the same articles and report the ratio
                              (see docs/PERFORMANCE.md). Placeholders: {corpus} a folder of
                              NAME.txt + empty NAME.ann, {out} a folder for its output,
                              {stats} where it may write JSON {"seconds": …}, {} one file
                              with all the text (also on stdin). --peer textacy runs
                              .venv-peer/bin/python scripts/peer_textacy.py with them
      --peer-bytes <N>        Bytes of the corpus mix given to the peer (default: 100000)
      --check-pairs <N>       Time `claimcheck check` over N generated pairs (default: 0, off)
      --claimcheck <path>     The claimcheck binary for --check-pairs (default: beside this one)
      --pairs-from <dir>      Cycle the corpus's hand-annotated fixtures from <dir> (e.g.
                              Expected) for --check-pairs instead of generated ones
      --pairs-dir <dir>       Write the --check-pairs pairs there and keep them (default: a
                              temporary folder, removed afterwards); a new or empty folder,
                              never inside a package
      --write-input <kind> <MB> <file>
                              Write one input to a file and stop (for profiling with
                              claimcheck list): mix, no-punctuation, unmatched-quotes,
                              said, no-breaks
      --extract <file>        Only extract one file as one article, on one core, and print
                              the time (best of --repeat runs) and peak memory (a fresh
                              process per article size)
      --profile <MB>          Only extract the corpus mix of that size once, on one core
                              (to run under valgrind --tool=callgrind or perf)
      --format <format>       text (default) or json
      -h, --help              Show help

    EXIT STATUS:
      0   done, every pathological input linear
      1   some pathological input not linear (time ratio outside 80-120% of the size ratio)
      2   trouble (no corpus, a peer or claimcheck run that failed)
      64  usage error
    """

struct Options {
    var corpus = "Corpus"
    var sizes: [Double] = [1, 10, 100]
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    var repeats = 1
    var pathSizes: [Double] = [1, 10]
    var corpusRuns = true
    var pathological = true
    var peer: String? = nil
    var peerBytes = 100_000
    var checkPairs = 0
    var claimcheck: String? = nil
    var pairsDir: String? = nil
    var pairsFrom: String? = nil
    var json = false
    var writeInput: (kind: String, megabytes: Double, path: String)? = nil
    var profile: Double? = nil
    var extractFile: String? = nil
}

func parseOptions(_ args: [String]) throws -> Options? {
    var o = Options()
    var i = 0
    func value() throws -> String {
        guard i < args.count else { throw BenchError("option \(args[i - 1]) needs a value") }
        i += 1
        return args[i - 1]
    }
    func numbers(_ s: String) throws -> [Double] {
        let list = s.split(separator: ",").compactMap { Double($0) }
        guard !list.isEmpty, list.allSatisfy({ $0 > 0 }) else {
            throw BenchError("expected sizes like 1,10,100, got '\(s)'")
        }
        return list
    }
    func count(_ s: String) throws -> Int {
        guard let n = Int(s), n >= 0 else { throw BenchError("expected a whole number, got '\(s)'") }
        return n
    }
    while i < args.count {
        let arg = args[i]
        i += 1
        switch arg {
        case "-h", "--help": return nil
        case "--corpus": o.corpus = try value()
        case "--sizes": o.sizes = try numbers(try value())
        case "--jobs", "-j":
            guard let n = Int(try value()), n >= 1 else {
                throw BenchError("--jobs needs a whole number of at least 1")
            }
            // CPU-bound workers: more threads than this only measure the scheduler.
            o.jobs = min(n, max(256, ProcessInfo.processInfo.activeProcessorCount))
        case "--repeat":
            let v = try value()
            guard let n = Int(v), n >= 1 else {
                throw BenchError("--repeat needs a whole number of at least 1, got '\(v)'")
            }
            o.repeats = n
        case "--path-sizes":
            let v = try value()
            o.pathSizes = try numbers(v)
            // time(b)/time(a) is compared with b/a: a ratio of at most 1 says nothing of linearity.
            guard o.pathSizes.count == 2, o.pathSizes[0] < o.pathSizes[1] else {
                throw BenchError("--path-sizes takes two sizes in MB, the smaller first, e.g. 1,10; got '\(v)'")
            }
        case "--no-corpus": o.corpusRuns = false
        case "--no-pathological": o.pathological = false
        case "--peer": o.peer = try value()
        case "--peer-bytes": o.peerBytes = max(1000, try count(try value()))
        case "--check-pairs": o.checkPairs = try count(try value())
        case "--claimcheck": o.claimcheck = try value()
        case "--pairs-dir": o.pairsDir = try value()
        case "--pairs-from": o.pairsFrom = try value()
        case "--extract": o.extractFile = try value()
        case "--profile":
            guard let size = Double(try value()), size > 0 else { throw BenchError("--profile needs a size in MB") }
            o.profile = size
        case "--write-input":
            let kind = try value()
            guard let size = Double(try value()), size > 0 else { throw BenchError("--write-input needs KIND MB FILE") }
            o.writeInput = (kind, size, try value())
        case "--format":
            switch try value() {
            case "text": o.json = false
            case "json": o.json = true
            case let f: throw BenchError("unknown format '\(f)'; expected text or json")
            }
        default: throw BenchError("unknown option '\(arg)'")
        }
    }
    return o
}

// MARK: - Output helpers

func mb(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1e6) }
func fixed(_ x: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", x) }
/// A size or ratio to at most 3 decimals, without trailing zeros: 1, 0.5, 2.667, 1000.
func short(_ x: Double) -> String {
    var s = String(format: "%.3f", x)
    while s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s == "0" || s == "-0" ? String(format: "%g", x) : s
}
func num(_ x: Double) -> JSONValue { .number((x * 1_000_000).rounded() / 1_000_000) }
func num(_ x: Int) -> JSONValue { .number(Double(x)) }

/// Text mode: results go to stdout as they come. JSON mode: stdout gets the JSON
/// document at the end; the lines go to stderr as progress when it is a terminal.
nonisolated(unsafe) var jsonMode = false
func say(_ s: String) {
    if !jsonMode {
        writeOut(s + "\n")
    } else {
        writeErr(s + "\n")
    }
}

/// Writes to standard output; a failed write (a full disk, a closed pipe with SIGPIPE
/// ignored) is reported on standard error and ends the run with status 2.
func writeOut(_ s: String) {
    guard write(STDOUT_FILENO, s) else {
        _ = write(
            STDERR_FILENO, "claimcheck-bench: cannot write standard output (\(String(cString: strerror(errno))))\n")
        exit(2)
    }
}

/// Writes to standard error; a failed write is ignored.
func writeErr(_ s: String) { _ = write(STDERR_FILENO, s) }

/// All of `s` to `fd`, retrying short writes; false (errno set) on failure.
func write(_ fd: Int32, _ s: String) -> Bool {
    var s = s
    return s.withUTF8 { buffer in
        var done = 0
        while done < buffer.count {
            #if canImport(Glibc)
                let n = Glibc.write(fd, buffer.baseAddress! + done, buffer.count - done)
            #else
                let n = Darwin.write(fd, buffer.baseAddress! + done, buffer.count - done)
            #endif
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            done += n
        }
        return true
    }
}

func machine() -> (cpu: String, cores: Int) {
    let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model = info.split(separator: "\n").first { $0.hasPrefix("model name") }
        .map { String($0.split(separator: ":", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces) }
    return (model ?? "unknown", ProcessInfo.processInfo.activeProcessorCount)
}

/// Why `--pairs-dir` may not be `dir`, or nil. Generated fixtures are timing material,
/// never truth, so they stay out of any package (a folder with a Package.swift, however
/// the path reaches it: relative, absolute or through a link); and the folder must be new
/// or empty, or `check` would time the pairs of an earlier run too.
func pairsDirRefusal(_ dir: String) -> String? {
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    if manager.fileExists(atPath: dir, isDirectory: &isFolder) {
        guard isFolder.boolValue else { return "not a folder" }
        guard (try? manager.contentsOfDirectory(atPath: dir))?.isEmpty ?? false else {
            return "not empty (give a new or empty folder)"
        }
    }
    // The nearest existing ancestor, with links resolved, then each folder above it.
    var url = URL(fileURLWithPath: dir).standardizedFileURL
    while !manager.fileExists(atPath: url.path), url.path != "/" { url.deleteLastPathComponent() }
    var folder = url.resolvingSymlinksInPath()
    while true {
        if manager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
            return "inside the package at \(folder.path); generated pairs stay outside it"
        }
        if folder.path == "/" { return nil }
        folder.deleteLastPathComponent()
    }
}

// MARK: - Main

func main() -> Int32 {
    keepFreedMemory()
    let options: Options
    do {
        guard let o = try parseOptions(Array(CommandLine.arguments.dropFirst())) else {
            writeOut(usage + "\n")
            return 0
        }
        options = o
        jsonMode = o.json
    } catch {
        writeErr("claimcheck-bench: \(error)\n")
        return 64
    }
    if let dir = options.pairsDir, let refusal = pairsDirRefusal(dir) {
        writeErr("claimcheck-bench: --pairs-dir \(dir): \(refusal)\n")
        return 64
    }
    let inputs: Inputs
    do {
        inputs = try Inputs(corpus: options.corpus)
    } catch {
        writeErr("claimcheck-bench: \(error)\n")
        return 2
    }
    if let w = options.writeInput {
        let bytes: [UInt8]
        switch w.kind {
        case "mix":
            var out: [UInt8] = []
            for k in inputs.mix(bytes: Int(w.megabytes * 1e6)).order {
                if !out.isEmpty { out.append(contentsOf: [0x0A, 0x0A]) }
                out.append(contentsOf: inputs.articles[k])
            }
            bytes = out
        case "no-punctuation": bytes = inputs.noPunctuation(bytes: Int(w.megabytes * 1e6))
        case "unmatched-quotes": bytes = inputs.unmatchedQuotes(marks: Int(w.megabytes * 1e4)).text
        case "said": bytes = Inputs.saidSentences(count: Int(w.megabytes * 1e4))
        case "no-breaks": bytes = inputs.noParagraphBreaks(bytes: Int(w.megabytes * 1e6))
        default:
            writeErr("claimcheck-bench: unknown input '\(w.kind)'\n")
            return 64
        }
        do {
            // Not atomic: an input for a profiler may be a FIFO or a device, written through.
            try Data(bytes).write(to: URL(fileURLWithPath: w.path))
        } catch {
            writeErr("claimcheck-bench: \(w.path): \(error)\n")
            return 2
        }
        return 0
    }
    let extractor = ClaimExtractor()
    // Warm-up: the lexicon index is built on first use.
    _ = extractor.extract(utf8: inputs.articles[0])
    if let path = options.extractFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            writeErr("claimcheck-bench: cannot read \(path)\n")
            return 2
        }
        let bytes = Array(data)
        let before = peakMemory()
        let r = Measure.single(bytes, repeats: options.repeats, extractor: extractor)
        say(
            "\(path): \(bytes.count) bytes, \(r.claims) claims, \(fixed(r.seconds * 1000)) ms (\(fixed(r.cpuSeconds * 1000)) ms CPU), \(fixed(r.megabytesPerSecond)) MB/s; peak memory \(mb(before)) before, \(mb(peakMemory())) after"
        )
        return 0
    }
    if let size = options.profile {
        let mix = inputs.mix(bytes: Int(size * 1e6))
        let r = Measure.corpus(
            inputs.articles, order: mix.order, bytes: mix.bytes, jobs: 1, json: false, extractor: extractor)
        say(
            "profile run: \(mb(r.bytes)), \(r.articles) articles, \(r.claims) claims, \(fixed(r.megabytesPerSecond)) MB/s, "
                + "\(fixed(Double(r.bytes) / 1e6 / r.cpuSeconds)) MB per CPU-second"
        )
        return 0
    }
    var report: [(String, JSONValue)] = []
    var status: Int32 = 0
    let m = machine()
    #if DEBUG
        say("warning: a debug build; figures mean nothing (use swift run -c release claimcheck-bench)")
    #endif
    say(
        "machine: \(m.cpu), \(m.cores) cores; corpus: \(inputs.articles.count) articles, \(inputs.corpusBytes) bytes from \(options.corpus)"
    )
    report.append(("machine", .object([("cpu", .string(m.cpu)), ("cores", num(m.cores))])))
    report.append(
        (
            "corpus",
            .object([
                ("directory", .string(options.corpus)), ("articles", num(inputs.articles.count)),
                ("bytes", num(inputs.corpusBytes)),
            ])
        ))

    // Corpus mix.
    var singleMBps: Double? = nil
    if options.corpusRuns {
        var runs: [JSONValue] = []
        say("\ncorpus mix (MB = 10^6 bytes; best of \(options.repeats))")
        say("  size      jobs     MB/s     MB/CPU-s  articles/s  claims    peak memory")
        say(
            "  (MB/s: bytes / wall time; MB/CPU-s: bytes / CPU time of all workers = per core; +json: claims also written as JSON lines)"
        )
        for size in options.sizes {
            let mix = inputs.mix(bytes: Int(size * 1e6))
            for (jobs, json) in [(1, false), (options.jobs, false), (1, true)]
            where !(jobs == 1 && json && size != options.sizes.last) {
                var best: RunResult? = nil
                for _ in 0..<options.repeats {
                    let r = Measure.corpus(
                        inputs.articles, order: mix.order, bytes: mix.bytes, jobs: jobs, json: json,
                        extractor: extractor)
                    if best == nil || r.seconds < best!.seconds { best = r }
                }
                let r = best!
                if jobs == 1 && !json && size == options.sizes.last { singleMBps = r.megabytesPerSecond }
                let label = json ? "\(jobs) +json" : "\(jobs)"
                func col(_ s: String, _ n: Int) -> String { s.padding(toLength: n, withPad: " ", startingAt: 0) }
                say(
                    "  \(col(mb(mix.bytes), 9)) \(col(label, 8)) \(col(fixed(r.megabytesPerSecond), 8)) \(col(fixed(Double(r.bytes) / 1e6 / r.cpuSeconds), 9)) \(col(fixed(r.articlesPerSecond, 0), 11)) \(col(String(r.claims), 9)) \(mb(peakMemory()))"
                )
                runs.append(
                    .object([
                        ("bytes", num(mix.bytes)), ("articles", num(r.articles)), ("jobs", num(jobs)),
                        ("jsonOutput", .bool(json)),
                        ("seconds", num(r.seconds)), ("cpuSeconds", num(r.cpuSeconds)),
                        ("megabytesPerSecond", num(r.megabytesPerSecond)),
                        ("megabytesPerCPUSecond", num(Double(r.bytes) / 1e6 / r.cpuSeconds)),
                        ("articlesPerSecond", num(r.articlesPerSecond)),
                        ("claims", num(r.claims)), ("peakMemoryBytes", num(peakMemory())),
                    ]))
            }
        }
        report.append(("corpusMix", .array(runs)))
    }

    // Pathological inputs.
    if options.pathological {
        let (small, large) = (options.pathSizes[0], options.pathSizes[1])
        let expected = large / small
        say(
            "\npathological inputs: time(\(short(large)) MB) / time(\(short(small)) MB) in CPU time of the thread (best of 5, sizes taken in turn, warm heap),"
        )
        say(
            "linear when within 20% of \(short(expected)) (\(short(expected * 0.8))-\(short(expected * 1.2)) for \(short(small)) and \(short(large)) MB); wall-clock ratio beside it"
        )
        say(
            "  input                              small               large                  ratio  verdict     wall   large MB/s  peak memory"
        )
        let cases: [(String, (Double) -> [UInt8])] = [
            ("one paragraph, no punctuation", { inputs.noPunctuation(bytes: Int($0 * 1e6)) }),
            ("unmatched quotation marks", { inputs.unmatchedQuotes(marks: Int($0 * 1e4)).text }),
            ("sentences with \"said\"", { Inputs.saidSentences(count: Int($0 * 1e4)) }),
            ("one article, no paragraph breaks", { inputs.noParagraphBreaks(bytes: Int($0 * 1e6)) }),
        ]
        var results: [JSONValue] = []
        for (name, make) in cases {
            let (a, b) = (make(small), make(large))
            let (ra, rb) = Measure.pair(a, b, repeats: 5, extractor: extractor)
            let ratio = rb.cpuSeconds / ra.cpuSeconds
            let wallRatio = rb.seconds / ra.seconds
            let linear = ratio >= expected * 0.8 && ratio <= expected * 1.2
            if !linear { status = 1 }
            let verdict = linear ? "linear" : ratio < expected * 0.8 ? "sublinear" : "NOT LINEAR"
            func col(_ s: String, _ n: Int) -> String { s.padding(toLength: n, withPad: " ", startingAt: 0) }
            say(
                "  \(col(name, 34)) \(col("\(mb(a.count)) \(fixed(ra.cpuSeconds * 1000)) ms", 19)) \(col("\(mb(b.count)) \(fixed(rb.cpuSeconds * 1000)) ms", 22)) \(col(fixed(ratio, 2), 6)) \(col(verdict, 11)) \(col(fixed(wallRatio, 2), 6)) \(col(fixed(Double(rb.bytes) / 1e6 / rb.cpuSeconds), 11)) \(mb(peakMemory()))"
            )
            results.append(
                .object([
                    ("input", .string(name)),
                    (
                        "small",
                        .object([
                            ("bytes", num(a.count)), ("cpuSeconds", num(ra.cpuSeconds)), ("seconds", num(ra.seconds)),
                            ("claims", num(ra.claims)),
                        ])
                    ),
                    (
                        "large",
                        .object([
                            ("bytes", num(b.count)), ("cpuSeconds", num(rb.cpuSeconds)), ("seconds", num(rb.seconds)),
                            ("claims", num(rb.claims)),
                        ])
                    ),
                    ("ratio", num(ratio)), ("wallRatio", num(wallRatio)), ("linear", .bool(linear)),
                    ("peakMemoryBytes", num(peakMemory())),
                ]))
        }
        report.append(("pathological", .array(results)))
    }

    // Peer.
    let peerScript = "scripts/peer_textacy.py"
    let peerPython = ".venv-peer/bin/python"
    var peerCommand = options.peer
    if peerCommand == "textacy" {
        // Shorthand for the spaCy + textacy peer, installed by scripts/peer_textacy.sh.
        if !FileManager.default.fileExists(atPath: peerScript)
            || !FileManager.default.isExecutableFile(atPath: peerPython)
        {
            say(
                "\npeer: not run: --peer textacy needs \(peerScript) and its environment \(peerPython) (run scripts/peer_textacy.sh once to install spaCy 3.8, textacy 0.13 and the model)"
            )
            report.append(("peer", .object([("notRun", .string("\(peerScript) or \(peerPython) missing"))])))
            peerCommand = nil
            status = 2
        } else {
            peerCommand = "\(peerPython) \(peerScript) --corpus {corpus} --out {out} --stats {stats}"
        }
    }
    if let command = peerCommand {
        let mix = inputs.mix(bytes: options.peerBytes)
        let articles = mix.order.map { inputs.articles[$0] }
        let paragraph = Array(
            inputs.articles[0].split(separator: 0x0A).first(where: { $0.count > 80 }) ?? inputs.articles[0][...])
        do {
            say("\npeer on the same \(articles.count) articles (\(mix.bytes) bytes): \(command)")
            let p = try Peer.run(command, articles: articles, paragraph: paragraph)
            // ClaimKit on the same articles, one core: the best of 5 runs.
            var ours: RunResult? = nil
            for _ in 0..<5 {
                let r = Measure.corpus(
                    inputs.articles, order: mix.order, bytes: mix.bytes, jobs: 1, json: false, extractor: extractor)
                if ours == nil || r.seconds < ours!.seconds { ours = r }
            }
            let ourSeconds = ours!.seconds
            let ratio = p.seconds / ourSeconds
            say(
                "  peer:     \(fixed(p.seconds, 2)) s = \(fixed(Double(p.bytes) / p.seconds / 1000)) kB/s (\(p.method); wall \(fixed(p.wallSeconds, 1)) s)"
            )
            say(
                "  ClaimKit: \(fixed(ourSeconds * 1000, 1)) ms = \(fixed(Double(mix.bytes) / ourSeconds / 1e6)) MB/s (one core, best of 5)"
            )
            say("  ratio:    ClaimKit is \(fixed(ratio, 0))x the peer's speed on the same text (goal: 4,000x)")
            report.append(
                (
                    "peer",
                    .object([
                        ("command", .string(command)), ("articles", num(p.articles)), ("bytes", num(p.bytes)),
                        ("peerSeconds", num(p.seconds)), ("peerTiming", .string(p.method)),
                        ("peerWallSeconds", num(p.wallSeconds)),
                        ("claimKitSeconds", num(ourSeconds)), ("ratio", num(ratio)),
                    ])
                ))
        } catch {
            say("  peer failed: \(error)")
            report.append(("peer", .object([("command", .string(command)), ("error", .string("\(error)"))])))
            status = 2
        }
    } else if options.peer == nil {
        let why =
            FileManager.default.fileExists(atPath: peerScript)
            ? "no --peer given; --peer textacy runs \(peerScript) (see docs/PERFORMANCE.md)"
            : "no --peer given and \(peerScript) does not exist"
        say("\npeer: not run (\(why)); no ratio to the peer in this run")
        report.append(("peer", .object([("notRun", .string(why))])))
    }

    // claimcheck check over many pairs.
    if options.checkPairs > 0 {
        let binary =
            options.claimcheck
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("claimcheck").path
        let kind = options.pairsFrom.map { "fixtures cycled from \($0)" } ?? "fixtures generated with ClaimJSON.fixture"
        say("\nclaimcheck check over \(options.checkPairs) article/fixture pairs, \(kind) (\(binary))")
        do {
            let r = try CheckPairs.run(
                inputs, pairs: options.checkPairs, claimcheck: binary, extractor: extractor, keep: options.pairsDir,
                expectedDirectory: options.pairsFrom)
            let parallel = r.parallelSeconds.map { ", all cores \(fixed($0, 2)) s" } ?? " (no --jobs: one core)"
            say(
                "  articles \(mb(r.articleBytes)), fixtures \(mb(r.fixtureBytes)); check on one core \(fixed(r.checkSeconds, 2)) s (CPU \(fixed(r.checkCPUSeconds, 2)) s, exit \(r.status))\(parallel); extraction alone on one core \(fixed(r.extractSeconds, 2)) s (CPU \(fixed(r.extractCPUSeconds, 2)) s) = \(fixed(r.share * 100, 0))% of check (\(fixed(r.cpuShare * 100, 0))% by CPU time); the rest of check \(fixed(r.checkSeconds - r.extractSeconds, 2)) s (CPU \(fixed(r.checkCPUSeconds - r.extractCPUSeconds, 2)) s)"
            )
            report.append(
                (
                    "check",
                    .object([
                        ("pairs", num(r.pairs)), ("articleBytes", num(r.articleBytes)),
                        ("fixtureBytes", num(r.fixtureBytes)),
                        ("checkSeconds", num(r.checkSeconds)), ("checkCPUSeconds", num(r.checkCPUSeconds)),
                        ("checkAllCoresSeconds", r.parallelSeconds.map(num) ?? .null),
                        ("exitStatus", num(Int(r.status))),
                        ("extractionSeconds", num(r.extractSeconds)), ("extractionShare", num(r.share)),
                        ("extractionCPUSeconds", num(r.extractCPUSeconds)), ("extractionCPUShare", num(r.cpuShare)),
                    ])
                ))
            if r.status > 1 { status = 2 }  // 1 = differences, expected with hand-written fixtures
        } catch {
            say("  failed: \(error)")
            status = 2
        }
    }

    if let single = singleMBps {
        say("\nsingle core on the corpus mix: \(fixed(single)) MB/s (goal: 100 MB/s)")
    }
    if options.json { writeOut(JSONValue.object(report).serialized() + "\n") }
    return status
}

exit(main())
