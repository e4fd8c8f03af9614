import ClaimCheckCLI
import ClaimKit
import Foundation
import Testing

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny seeded generator, so that every
/// "random" test input is the same on every run and a failure names its seed.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Runs `claimcheck` in this process with captured output.
enum CLI {
    struct Result {
        var status: Int32
        var out: String
        var err: String
    }

    private final class Capture: @unchecked Sendable {
        let lock = NSLock()
        var out = ""
        var err = ""
        func add(_ s: String, toErr: Bool) {
            lock.lock()
            defer { lock.unlock() }
            if toErr { err += s } else { out += s }
        }
    }

    static func run(_ args: [String]) -> Result {
        let capture = Capture()
        let console = Console(out: { capture.add($0, toErr: false) }, err: { capture.add($0, toErr: true) })
        let status = ClaimCheck.run(args, console: console)
        return Result(status: status, out: capture.out, err: capture.err)
    }
}

/// A fresh folder under the system's temporary folder, removed by `remove()`.
struct TempFolder {
    let url: URL

    init(_ label: String = "claimcheck-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to `name` inside the folder; returns the path.
    @discardableResult
    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let u = url.appendingPathComponent(name)
        try Data(bytes).write(to: u)
        return u.path
    }

    @discardableResult
    func file(_ name: String, _ text: String) throws -> String { try file(name, Array(text.utf8)) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Every problem with the spans of `extraction` over `bytes`: each claim, quoted
/// fragment, source, cue, time and hop must lie in the input, start and end on character
/// boundaries, and slice the input to exactly the text it carries; claims come in
/// article order. Empty when all is well.
func spanViolations(_ extraction: Extraction, _ bytes: [UInt8]) -> [String] {
    var problems: [String] = []
    func check(_ span: Span, _ text: String, _ what: String) {
        guard span.start >= 0, span.start <= span.end, span.end <= bytes.count else {
            problems.append("\(what) span \(span) outside 0..<\(bytes.count)")
            return
        }
        let sliced = String(decoding: bytes[span.start..<span.end], as: UTF8.self)
        if sliced != text { problems.append("\(what) \(span): carries “\(text)” but slices to “\(sliced)”") }
        if span.start < bytes.count, bytes[span.start] & 0xC0 == 0x80 {
            problems.append("\(what) \(span) starts inside a character")
        }
        if span.end < bytes.count, bytes[span.end] & 0xC0 == 0x80 {
            problems.append("\(what) \(span) ends inside a character")
        }
    }
    var previous: Span? = nil
    for claim in extraction.claims {
        check(claim.span, claim.text, "claim \(claim.id)")
        if let p = previous, claim.span < p { problems.append("claim \(claim.id) \(claim.span) comes after \(p)") }
        previous = claim.span
        for q in claim.quotes { check(q.span, q.text, "quote of \(claim.id)") }
        if let a = claim.attribution {
            for (k, hop) in a.chain.enumerated() {
                let role = k == a.chain.count - 1 ? "source" : "hop \(k) source"
                check(hop.source.span, hop.source.text, "\(role) of \(claim.id)")
                check(hop.cue.span, hop.cue.text, "\(role) cue of \(claim.id)")
                if let t = hop.time { check(t.span, t.text, "\(role) time of \(claim.id)") }
            }
        }
    }
    for issue in extraction.issues where issue.span.end > bytes.count {
        problems.append("issue \(issue.kind) \(issue.span) outside the input")
    }
    return problems
}

/// Sentences and paragraphs of the corpus articles, read at test time.
enum CorpusText {
    /// Paragraphs of every article (split at blank lines), in file order.
    static let paragraphs: [String] = {
        var out: [String] = []
        for name in Package.articles {
            guard
                let text = try? String(
                    contentsOf: Package.corpus.appendingPathComponent(name + ".txt"), encoding: .utf8)
            else { continue }
            for p in text.components(separatedBy: "\n\n") {
                let t = p.trimmingCharacters(in: .whitespacesAndNewlines)
                if !t.isEmpty { out.append(t) }
            }
        }
        return out
    }()

    /// Sentences of those paragraphs: split after `.`, `!` or `?` (and a closing mark)
    /// followed by a space. Rough on purpose: odd cuts make odd articles.
    static let sentences: [String] = {
        var out: [String] = []
        for p in paragraphs {
            var current = ""
            let chars = Array(p)
            for (i, c) in chars.enumerated() {
                current.append(c)
                let end = ".!?".contains(c) || (("”\"".contains(c)) && i > 0 && ".!?,".contains(chars[i - 1]))
                if end, i + 1 < chars.count, chars[i + 1] == " " {
                    out.append(current.trimmingCharacters(in: .whitespaces))
                    current = ""
                }
            }
            let rest = current.trimmingCharacters(in: .whitespaces)
            if !rest.isEmpty { out.append(rest) }
        }
        return out
    }()
}
