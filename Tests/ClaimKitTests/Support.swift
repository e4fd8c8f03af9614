import ClaimKit
import Foundation

/// Paths of the package, found from this file.
enum Package {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let corpus = root.appendingPathComponent("Corpus")
    static let expected = root.appendingPathComponent("Expected")

    /// Names (without extension) of the corpus articles.
    static var articles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// The built claimcheck binary, beside the test bundle.
    static var claimcheck: URL { binary("claimcheck") }

    /// The built benchmark, beside the test bundle.
    static var bench: URL { binary("claimcheck-bench") }

    static func binary(_ name: String) -> URL {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [here, here.deletingLastPathComponent(), root.appendingPathComponent(".build/debug")] {
            let candidate = dir.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return root.appendingPathComponent(".build/debug/\(name)")
    }
}

/// Extracts claims from `text` with the English lexicon.
func claims(_ text: String) -> [Claim] { ClaimExtractor().extract(from: text).claims }

func attributed(_ text: String) -> [Claim] { claims(text).filter { $0.attribution != nil } }

/// The text a span slices from `text`.
func slice(_ text: String, _ span: Span) -> String {
    String(decoding: Array(text.utf8)[span.start..<span.end], as: UTF8.self)
}

/// What a built binary did: its exit status and what it wrote.
struct ProcessResult {
    var status: Int32
    var out: String
    var err: String
}

/// Runs `executable` with `args` in the package root, `stdin` (if any) as its standard
/// input, then end of file.
func runBuilt(_ executable: URL, _ args: [String], stdin: String? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = args
    process.currentDirectoryURL = Package.root
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(
        status: process.terminationStatus, out: String(decoding: o, as: UTF8.self),
        err: String(decoding: e, as: UTF8.self))
}
