import ClaimCheckCLI
import ClaimKit
import Foundation
import Testing

/// `claimcheck list --input jsonl`: order, ids, bad lines, jobs; and the line reader.
@Suite struct JSONLinesStreamTests {
    /// Output and errors of an in-process run, collected from any thread.
    final class Capture: @unchecked Sendable {
        private let lock = NSLock()
        private var outText = ""
        private var errText = ""
        var console: Console {
            Console(
                out: { s in
                    self.lock.lock(); self.outText += s; self.lock.unlock()
                },
                err: { s in
                    self.lock.lock(); self.errText += s; self.lock.unlock()
                })
        }
        var out: String { lock.lock(); defer { lock.unlock() }; return outText }
        var err: String { lock.lock(); defer { lock.unlock() }; return errText }
    }

    /// Writes `lines` (each followed by LF) to a temporary file and returns its path.
    func file(_ lines: [String], _ name: String = "input.jsonl") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("claimcheck-jsonl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: url)
        return url.path
    }

    func run(_ args: [String]) -> (status: Int32, out: [String], err: String) {
        let capture = Capture()
        let status = ClaimCheck.run(args, console: capture.console)
        let lines = capture.out.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return (status, lines.last == "" ? Array(lines.dropLast()) : lines, capture.err)
    }

    func object(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    func line(id: Any, text: String) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: ["id": id, "text": text]), as: UTF8.self)
    }

    @Test func manyJobsKeepInputOrderAndMatchTheExtractor() throws {
        // Long and short articles in turn, so that later lines often finish first.
        let articles = Package.articles.prefix(6).map {
            (try? String(contentsOf: Package.corpus.appendingPathComponent($0 + ".txt"), encoding: .utf8)) ?? ""
        }
        #expect(articles.count == 6)
        var lines: [String] = []
        var texts: [String] = []
        for k in 0..<40 {
            let text =
                k % 2 == 0 ? articles[k / 2 % articles.count] : "The mayor said the bridge would reopen on day \(k)."
            texts.append(text)
            lines.append(try line(id: k % 3 == 0 ? "doc-\(k)" as Any : k as Any, text: text))
        }
        let path = try file(lines)
        let parallel = run(["list", "--input", "jsonl", "--jobs", "4", path])
        let serial = run(["list", "--input", "jsonl", "-j", "1", path])
        #expect(parallel.status == 0)
        #expect(parallel.err.isEmpty)
        #expect(parallel.out.count == 40)
        #expect(parallel.out.elementsEqual(serial.out), "--jobs 4 and --jobs 1 wrote different output")
        let extractor = ClaimExtractor()
        for (k, out) in parallel.out.enumerated() {
            let doc = try object(out)
            if k % 3 == 0 { #expect(doc["id"] as? String == "doc-\(k)") } else { #expect(doc["id"] as? Int == k) }
            // The claims are exactly those of the extractor on that line's text.
            let expected = JSONValue.array(extractor.extract(from: texts[k]).claims.map { ClaimJSON.value($0) })
                .compact()
            #expect(out.contains("\"claims\":" + expected + ","), "line \(k + 1)")
        }
    }

    @Test func badLinesGetAnErrorLineWithTheirNumberAndTheOthersStillComeOut() throws {
        let path = try file([
            #"{"id": 1, "text": "The mayor said the bridge would reopen on Monday."}"#,
            #"{"id": 2, "text": "unterminated"#,
            "",
            "[1, 2]",
            #"{"id": "x", "txt": "no text key"}"#,
            #"{"id": {"a": [1]}, "text": 5}"#,
            #"{"text": "Officials said the talks had failed.", "extra": true}"#,
        ])
        let r = run(["list", "--input", "jsonl", path])
        #expect(r.status == 2)
        #expect(r.out.count == 6, "the blank line 3 gets no output line: \(r.out)")
        let docs = try r.out.map(object)
        #expect(docs[0]["id"] as? Int == 1)
        #expect((docs[0]["claims"] as? [Any])?.count == 1)
        #expect(docs[1]["line"] as? Int == 2)
        #expect((docs[1]["error"] as? String)?.contains("not JSON") == true)
        #expect(docs[1]["id"] is NSNull)
        #expect(docs[2]["line"] as? Int == 4)
        #expect((docs[2]["error"] as? String)?.contains("object") == true)
        #expect(docs[3]["line"] as? Int == 5)
        #expect(docs[3]["id"] as? String == "x")
        #expect(docs[4]["line"] as? Int == 6)
        #expect((docs[4]["id"] as? [String: Any])?["a"] as? [Int] == [1])
        #expect((docs[4]["error"] as? String)?.contains("not a string") == true)
        #expect(docs[5]["id"] is NSNull)
        #expect((docs[5]["claims"] as? [Any])?.count == 1)
        for doc in docs where doc["error"] != nil { #expect(doc["claims"] == nil) }
    }

    /// A NUL character in a text is binary data, as in an article file: that line gets an
    /// error line with its number and id, the others still come out.
    @Test func aTextWithANULCharacterIsABadLine() throws {
        let path = try file([
            #"{"id": 1, "text": "The mayor said the bridge would reopen on Monday."}"#,
            #"{"id": 2, "text": "Officials said\u0000 the talks had failed."}"#,
            #"{"id": 3, "text": "Police said the road was closed."}"#,
            #"{"id": 4, "text": "\u0000"}"#,
        ])
        let r = run(["list", "--input", "jsonl", "-j", "2", path])
        #expect(r.status == 2)
        #expect(r.out.count == 4, "\(r.out)")
        let docs = try r.out.map(object)
        #expect((docs[0]["claims"] as? [Any])?.count == 1)
        #expect(docs[1]["line"] as? Int == 2)
        #expect(docs[1]["id"] as? Int == 2)
        #expect(
            docs[1]["error"] as? String
                == "\"text\" has a NUL character (\\u0000) at byte offset 14: binary data, not a text article")
        #expect(docs[1]["claims"] == nil)
        #expect((docs[2]["claims"] as? [Any])?.count == 1)
        #expect(docs[3]["line"] as? Int == 4)
        #expect((docs[3]["error"] as? String)?.contains("at byte offset 0:") == true)
    }

    @Test func spansAreUTF8OffsetsIntoTheDecodedText() throws {
        // \u00e9 is one escape in the line but two bytes of the text.
        let path = try file([#"{"id": "e", "text": "Caf\u00e9 owner Ana Ruiz said the \"tax\" would close it."}"#])
        let r = run(["list", "--input", "jsonl", path])
        #expect(r.status == 0)
        let claim = try #require((try object(r.out[0])["claims"] as? [[String: Any]])?.first)
        let text = Array("Café owner Ana Ruiz said the \"tax\" would close it.".utf8)
        let span = try #require(claim["span"] as? [Int])
        #expect(String(decoding: text[span[0]..<span[1]], as: UTF8.self) == claim["text"] as? String)
    }

    @Test func absurdJobCountsAreCappedNotTrusted() throws {
        // --jobs sizes a thread pool and the in-flight window (a multiple of it): Int.max
        // must neither overflow nor start a thread per job.
        let path = try file((0..<5).map { #"{"id": \#($0), "text": "The mayor said the bridge would reopen."}"# })
        let one = run(["list", "--input", "jsonl", "--jobs", "1", path])
        for jobs in ["1000", String(Int.max)] {
            let many = run(["list", "--input", "jsonl", "--jobs", jobs, path])
            #expect(many.status == one.status && many.out == one.out, "--jobs \(jobs): \(many.err)")
        }
        #expect(one.out.count == 5)
    }

    @Test func missingFileIsTrouble() {
        let r = run(["list", "--input", "jsonl", "/no/such/file.jsonl"])
        #expect(r.status == 2)
        #expect(r.out.isEmpty)
        #expect(r.err.contains("/no/such/file.jsonl"))
    }

    @Test func parsing() throws {
        var expected = ListOptions()
        expected.input = .jsonl
        expected.format = .jsonl
        expected.files = ["-"]
        #expect(try CommandLineParser.parse(["list", "--input", "jsonl"]) == .list(expected))
        expected.files = ["a.jsonl"]
        expected.jobs = 3
        expected.showRules = true
        #expect(
            try CommandLineParser.parse(["list", "--input=jsonl", "a.jsonl", "-j", "3", "--rules", "--format", "jsonl"])
                == .list(expected))
        // --lossy repairs article files; a JSON line with bad UTF-8 is an error line instead.
        #expect(throws: UsageError.self) { try CommandLineParser.parse(["list", "--input", "jsonl", "--lossy"]) }
    }

    @Test(arguments: [
        ["list", "--input", "xml", "a"], ["list", "--input", "jsonl", "a", "b"],
        ["list", "--input", "jsonl", "--jobs", "0"],
        ["list", "--input", "jsonl", "--jobs", "many"], ["list", "--jobs", "2", "a.txt"],
        ["list", "--input", "jsonl", "--format", "text"],
    ])
    func usageErrors(_ args: [String]) {
        #expect(throws: UsageError.self) { try CommandLineParser.parse(args) }
    }

    /// A usage error of the `--input jsonl` form shows that form's usage line, wherever
    /// `--input jsonl` stands; one of the plain form shows the plain form's.
    @Test func usageErrorsShowTheUsageLineOfTheirForm() {
        let jsonl = "USAGE: claimcheck list --input jsonl [<file>|-] [--jobs N] [--rules] [--lexicon <file.json>]"
        let plain = "USAGE: claimcheck list <file> ... [--format text|json|jsonl|jsonld] [--url <url>] [--rules]"
        let cases: [([String], String)] = [
            (["list", "--input", "jsonl", "a", "b"], jsonl),
            (["list", "--input=jsonl", "--format", "text"], jsonl),
            (["list", "--input", "jsonl", "--lossy"], jsonl),
            (["list", "--input", "jsonl", "--jobs", "0"], jsonl),
            (["list", "--jobs", "0", "--input", "jsonl"], jsonl),
            (["list", "--nope", "--input", "jsonl"], jsonl),
            (["list", "--jobs", "2", "a.txt"], jsonl),
            (["list", "--format", "xml", "a.txt"], plain),
            (["list"], plain),
        ]
        for (args, usage) in cases {
            let r = run(args)
            #expect(r.status == 64, "\(args)")
            let lines = r.err.split(separator: "\n").map(String.init)
            #expect(lines.count == 3 && lines[1] == usage, "\(args): \(r.err)")
            #expect(lines.last == "See 'claimcheck help list'.", "\(args)")
        }
    }

    @Test func theBinaryReadsStandardInput() throws {
        let process = Process()
        process.executableURL = Package.claimcheck
        process.arguments = ["list", "--input", "jsonl", "--jobs", "2"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        input.fileHandleForWriting.write(
            Data(
                (#"{"id": "a", "text": "The minister said fares would rise."}"# + "\n" + "not json\n"
                    + #"{"id": "c", "text": "Police said the road was closed."}"#).utf8))
        try input.fileHandleForWriting.close()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        let docs = try out.split(separator: "\n").map { try object(String($0)) }
        #expect(docs.count == 3)
        #expect(docs[0]["id"] as? String == "a")
        #expect(docs[1]["line"] as? Int == 2)
        #expect(docs[2]["id"] as? String == "c")
    }

    @Test func lineReaderEndsCRLFLastLineAndOverlongLines() throws {
        let long = String(repeating: "a", count: 200_000)  // longer than one 64 KiB chunk
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("claimcheck-lines-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("lines.txt")
        try Data("one\r\n\(long)\nthree\n\nlast".utf8).write(to: url)

        let reader = try LineReader(path: url.path)
        var lines: [LineReader.Line] = []
        while let l = try reader.next() { lines.append(l) }
        #expect(lines.map(\.number) == [1, 2, 3, 4, 5])
        #expect(lines.map { String(decoding: $0.bytes, as: UTF8.self) } == ["one", long, "three", "", "last"])
        #expect(lines.allSatisfy { !$0.tooLong })

        let bounded = try LineReader(path: url.path, maxLineBytes: 100_000)
        var kept: [LineReader.Line] = []
        while let l = try bounded.next() { kept.append(l) }
        #expect(kept.map(\.number) == [1, 2, 3, 4, 5])
        #expect(kept.map(\.tooLong) == [false, true, false, false, false])
        #expect(kept[1].bytes.isEmpty)
        #expect(String(decoding: kept[2].bytes, as: UTF8.self) == "three")
    }
}
