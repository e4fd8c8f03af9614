import Foundation
import Testing

/// Runs the built `claimcheck` binary as a user would.
@Suite struct EndToEndTests {
    func run(_ args: [String], stdin: String? = nil) throws -> ProcessResult {
        try runBuilt(Package.claimcheck, args, stdin: stdin)
    }

    @Test func helpGoesToStdoutWithStatusZero() throws {
        let r = try run(["--help"])
        #expect(r.status == 0)
        for heading in ["OVERVIEW:", "USAGE:", "SUBCOMMANDS:", "OPTIONS:"] { #expect(r.out.contains(heading)) }
        #expect(r.err.isEmpty)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func aFailedWriteToStandardOutputIsTroubleNotACrash() throws {
        // Standard output on a full disk: a message and status 2, not a trap.
        let process = Process()
        process.executableURL = Package.claimcheck
        process.arguments = ["list", "Corpus/turkey-libya-security-deal.txt"]
        process.currentDirectoryURL = Package.root
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
        let err = Pipe()
        process.standardError = err
        try process.run()
        let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 2, "\(e)")
        #expect(e.contains("claimcheck: cannot write standard output ("), "\(e)")
    }

    @Test func listTheReferenceArticle() throws {
        let r = try run(["list", "Corpus/turkey-libya-security-deal.txt"])
        #expect(r.status == 0)
        #expect(r.out.contains("18 claims, 12 attributed"))
        #expect(
            r.out.contains(
                "Reuters news agency (as reported by, earlier this month) ← a report by United Nations‘ experts"))
    }

    @Test func listReadsStandardInputAsJSON() throws {
        let r = try run(["list", "--format", "json", "-"], stdin: "The mayor said the bridge would reopen on Monday.")
        #expect(r.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]]
        let claims = json?.first?["claims"] as? [[String: Any]]
        #expect(claims?.count == 1)
        #expect(claims?.first?["kind"] as? String == "indirect")
    }

    @Test func diffExitCodes() throws {
        #expect(try run(["diff", "Corpus/turkey-libya-security-deal.txt"]).status == 0)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("claimcheck-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let fixture = try String(
            contentsOf: Package.expected.appendingPathComponent("turkey-libya-security-deal.json"), encoding: .utf8)
        let changed = dir.appendingPathComponent("changed.json")
        try fixture.replacingOccurrences(of: #""lemma": "add""#, with: #""lemma": "say""#).write(
            to: changed, atomically: true, encoding: .utf8)
        let r = try run(["diff", "Corpus/turkey-libya-security-deal.txt", changed.path])
        #expect(r.status == 1)
        #expect(r.out.contains("attribution.cue.lemma"))
        let broken = dir.appendingPathComponent("broken.json")
        try "{\n  \"schemaVersion\": 1,\n  \"claims\": [\n    {\"text\": 3}\n  ]\n}\n".write(
            to: broken, atomically: true, encoding: .utf8)
        let b = try run(["diff", "Corpus/turkey-libya-security-deal.txt", broken.path])
        #expect(b.status == 2)
        #expect(b.err.contains("broken.json:4:5"), "got: \(b.err)")
    }

    @Test func troubleAndUsageStatuses() throws {
        let missing = try run(["list", "no/such/file.txt"])
        #expect(missing.status == 2)
        #expect(missing.err.contains("no/such/file.txt"))
        let usage = try run(["list", "--format", "xml", "x"])
        #expect(usage.status == 64)
        #expect(usage.out.isEmpty)
        #expect(usage.err.contains("unknown format"))
    }

    @Test func checkPassesOnTheCorpus() throws {
        let r = try run(["check"])
        #expect(r.status == 0, "\(r.out)")
        #expect(r.out.split(separator: "\n").last?.hasSuffix("passed, 0 failed") == true)
    }

    /// An article cannot send terminal escape sequences through `list`'s text output.
    @Test func controlCharactersAreShownNotSent() throws {
        let r = try run(["list", "-"], stdin: "The mayor said the bridge \u{1B}[2J would reopen.")
        #expect(r.status == 0)
        #expect(!r.out.unicodeScalars.contains("\u{1B}"))
        #expect(r.out.contains("\\u{1B}[2J"))
    }
}
