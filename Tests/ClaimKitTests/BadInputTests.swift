import ClaimKit
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Odd and broken input, one behaviour each, as documented in docs/ERRORS.md: either a
/// clear message naming the file (with the byte offset or line:column where it applies)
/// and exit status 2, or a correct result.
@Suite struct BadInputTests {
    let extractor = ClaimExtractor()

    /// Extracts `bytes`, records any span violation, returns the extraction.
    func extract(_ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Extraction {
        let extraction = extractor.extract(utf8: bytes)
        for v in spanViolations(extraction, bytes) {
            Issue.record(Comment(rawValue: v), sourceLocation: sourceLocation)
        }
        return extraction
    }

    func extract(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Extraction {
        extract(Array(text.utf8), sourceLocation: sourceLocation)
    }

    // MARK: - Articles: empty, blank, binary, not UTF-8

    @Test func emptyFileHasNoClaims() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let path = try dir.file("empty.txt", "")
        let r = CLI.run(["list", path])
        #expect(r.status == 0)
        #expect(r.out == "\(path): 0 claims, 0 attributed\n")
        #expect(r.err.isEmpty)
        let json = CLI.run(["list", "--format", "json", path])
        #expect(json.status == 0)
        #expect(json.out.contains("\"claims\": []"))
        // A fixture expecting nothing passes; one expecting a claim reports it missing.
        let none = try dir.file("none.json", #"{"schemaVersion": 1, "claims": []}"#)
        #expect(CLI.run(["diff", path, none]).status == 0)
        let one = try dir.file("one.json", #"{"schemaVersion": 1, "claims": [{"text": "We won"}]}"#)
        let d = CLI.run(["diff", path, one])
        #expect(d.status == 1)
        #expect(d.out.contains("missing  “We won”"))
    }

    @Test func whitespaceOnlyHasNoClaims() throws {
        let blank = " \t\n\r\n\u{00A0}\u{2003}\u{3000}\n\u{FEFF}\n\r  \u{2029}\n"
        #expect(extract(blank).claims.isEmpty)
        #expect(extract(blank).issues.isEmpty)
        let dir = try TempFolder()
        defer { dir.remove() }
        let r = CLI.run(["list", try dir.file("blank.txt", blank)])
        #expect(r.status == 0)
        #expect(r.out.hasSuffix("0 claims, 0 attributed\n"))
    }

    @Test func binaryDataIsRefusedWithTheOffset() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let bytes: [UInt8] = Array("The mayor".utf8) + [0] + Array(" said it.".utf8)
        let path = try dir.file("binary.txt", bytes)
        for args in [["list", path], ["list", "--lossy", path], ["diff", path, path]] {
            let r = CLI.run(args)
            #expect(r.status == 2, "\(args)")
            #expect(r.err == "claimcheck: \(path): binary data (NUL byte at byte offset 9), not a text article\n")
            #expect(r.out.isEmpty)
        }
        #expect(throws: ArticleReader.Problem.binary(path: "x", offset: 9)) {
            try ArticleReader.check(bytes, path: "x")
        }
        // The library API takes any valid UTF-8, NUL included, and stays exact.
        let e = extract(Array("He said \0 it was \u{0}over.\n\n“We won\0,” she said.".utf8))
        #expect(e.claims.contains { $0.kind == .direct && $0.text == "We won\0" })
    }

    @Test func invalidUTF8IsRefusedWithTheOffset() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let prefix = Array("The mayor said ".utf8)  // 15 bytes
        let cases: [(String, [UInt8])] = [
            ("a byte that never starts a character", [0xFF]),
            ("a lone continuation byte", [0x80]),
            ("an overlong encoding of NUL", [0xC0, 0x80]),
            ("an encoded UTF-16 surrogate", [0xED, 0xA0, 0x80]),
            ("a scalar above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
            ("a sequence cut short by a letter", [0xE2, 0x80, 0x41]),
        ]
        for (what, bad) in cases {
            let path = try dir.file("bad.txt", prefix + bad + Array(" it.".utf8))
            let r = CLI.run(["list", path])
            #expect(r.status == 2, "\(what)")
            #expect(
                r.err
                    == "claimcheck: \(path): invalid UTF-8 at byte offset 15 (use --lossy to replace invalid bytes with U+FFFD)\n",
                "\(what)")
        }
        // Cut short by the end of the file.
        let cut = try dir.file("cut.txt", prefix + [0xE2, 0x80])
        #expect(CLI.run(["list", cut]).err.contains("\(cut): invalid UTF-8 at byte offset 15"))
    }

    @Test func lossyReplacesInvalidUTF8AndWarns() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let bytes = Array("The mayor said ".utf8) + [0xFF, 0xFE] + Array(" the bridge would reopen.".utf8)
        let path = try dir.file("bad.txt", bytes)
        let r = CLI.run(["list", "--lossy", "--format", "json", path])
        #expect(r.status == 0)
        #expect(
            r.err
                == "claimcheck: warning: \(path): invalid UTF-8 replaced with U+FFFD; spans refer to the repaired text\n"
        )
        // The spans refer to the repaired text: each bad byte became U+FFFD (3 bytes).
        let repaired = try ArticleReader.read(path: path, lossy: true)
        #expect(repaired.repaired)
        #expect(repaired.bytes == Array("The mayor said \u{FFFD}\u{FFFD} the bridge would reopen.".utf8))
        var parser = JSONParser(r.out)
        guard case .array(let docs) = try parser.parse(), case .array(let list)? = docs.first?["claims"] else {
            Issue.record("no claims array in \(r.out)")
            return
        }
        let claims = try list.map { try ClaimJSON.claim(from: $0) }
        #expect(claims.count == 1)
        #expect(claims.first?.text == "\u{FFFD}\u{FFFD} the bridge would reopen")
        #expect(claims.first?.attribution?.source.text == "The mayor")
        #expect(spanViolations(Extraction(claims: claims), repaired.bytes).isEmpty)
    }

    /// The reader's UTF-8 check agrees with the standard library's on random bytes.
    @Test func invalidOffsetAgreesWithTheStandardLibrary() {
        var rng = SplitMix64(seed: 0x5EED_0001)
        let pieces: [[UInt8]] = [
            [0x41], [0x20], [0xC3, 0xA9], [0xE2, 0x80, 0x9C], [0xF0, 0x9F, 0x98, 0x80], [0x80], [0xFF], [0xC0],
            [0xE2, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xEF, 0xBB, 0xBF], [0xF0, 0x9F],
        ]
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<12, using: &rng) { bytes += pieces.randomElement(using: &rng)! }
            let offset = ArticleReader.firstInvalidUTF8(bytes)
            #expect((offset == nil) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            if let o = offset {
                // Everything before the offset is valid; the offset starts no valid sequence.
                #expect(String(validating: bytes[..<o], as: UTF8.self) != nil, "\(bytes) at \(o)")
            }
        }
    }

    // MARK: - Encoding details that must just work

    @Test func byteOrderMarkIsKeptAndCounted() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array("“We will rebuild,” the mayor said.\n".utf8)
        let e = extract(bytes)
        #expect(e.claims.count == 1)
        let claim = try #require(e.claims.first)
        #expect(claim.kind == .direct)
        #expect(claim.text == "We will rebuild")
        #expect(claim.span == Span(6, 21), "the BOM's 3 bytes count: spans are offsets into the file")
        #expect(claim.attribution?.source.text == "the mayor")
        // A fixture with a BOM reads like one without.
        let dir = try TempFolder()
        defer { dir.remove() }
        let article = try dir.file("bom.txt", bytes)
        let fixture = try dir.file(
            "bom.json",
            [0xEF, 0xBB, 0xBF]
                + Array(
                    """
                    {"schemaVersion": 1, "claims": [{"text": "We will rebuild", "span": [6, 21], "kind": "direct"}]}
                    """.utf8))
        #expect(CLI.run(["diff", article, fixture]).status == 0)
        let wrong = try dir.file(
            "wrong.json", [0xEF, 0xBB, 0xBF] + Array("{\"schemaVersion\": 7, \"claims\": []}".utf8))
        #expect(
            CLI.run(["diff", article, wrong]).err.contains("wrong.json:1:19: unknown schemaVersion 7"),
            "a BOM takes no column")
    }

    /// CRLF and lone CR line ends split paragraphs as LF does; a quotation broken over a
    /// line keeps its line end in its text and still gets its source.
    @Test(arguments: ["\r\n", "\r", "\n"])
    func lineEndings(_ eol: String) throws {
        let text =
            "The council said on Monday that fares would rise.\(eol)\(eol)“We are\(eol)ready to talk,” the union leader said.\(eol)"
        let e = extract(text)
        #expect(e.claims.count == 2)
        guard e.claims.count == 2 else { return }
        let reported = e.claims[0]
        #expect(reported.kind == .indirect)
        #expect(reported.text == "fares would rise")
        #expect(reported.attribution?.source.text == "The council")
        #expect(reported.attribution?.time?.text == "on Monday")
        let direct = e.claims[1]
        #expect(direct.kind == .direct)
        #expect(direct.text == "We are\(eol)ready to talk")
        #expect(direct.attribution?.source.text == "the union leader")
        #expect(direct.attribution?.cue.lemma == "say")
        #expect(e.issues.isEmpty)
    }

    @Test func unicodeSpacesSeparateWords() throws {
        // NBSP, EN SPACE, NARROW NBSP, IDEOGRAPHIC SPACE, THIN SPACE where spaces would be.
        let text = "The\u{00A0}mayor\u{2002}said\u{202F}the\u{3000}bridge would\u{2009}reopen.\n"
        let e = extract(text)
        let claim = try #require(e.claims.first)
        #expect(e.claims.count == 1)
        #expect(claim.kind == .indirect)
        #expect(claim.text == "the\u{3000}bridge would\u{2009}reopen")
        #expect(claim.attribution?.source.text == "The\u{00A0}mayor")
        #expect(claim.attribution?.cue.text == "said")
        #expect(claim.attribution?.cue.lemma == "say")
    }

    @Test func zeroWidthCharactersAreTransparent() throws {
        // ZWSP, ZWNJ, ZWJ, WORD JOINER, SOFT HYPHEN inside words (the cue too) and around marks.
        let plain = "The mayor said the bridge would reopen.\n\n“We will rebuild,” the mayor said."
        let noisy =
            "The may\u{200B}or sa\u{200B}id the bri\u{200C}dge would re\u{00AD}open.\n\n\u{200B}“We will re\u{2060}build,”\u{200D} the mayor said."
        let a = extract(plain)
        let b = extract(noisy)
        #expect(b.claims.count == a.claims.count)
        for (x, y) in zip(a.claims, b.claims) {
            #expect(x.kind == y.kind)
            #expect(x.attribution?.cue.lemma == y.attribution?.cue.lemma)
            #expect(
                x.attribution?.source.name == y.attribution?.source.name.filter { !"\u{200B}\u{00AD}".contains($0) })
        }
        // Texts stay exact slices, invisible characters included.
        #expect(b.claims.first?.text == "the bri\u{200C}dge would re\u{00AD}open")
        #expect(b.claims.first?.attribution?.cue.text == "sa\u{200B}id")
    }

    @Test func combiningMarksAndEmojiInNamesAndQuotes() throws {
        let text =
            "“Cafe\u{301}s are open again 🎉👩‍👩‍👧,” Zoe\u{308} Ångstro\u{308}m said.\n\n"
            + "Mayor José 🇫🇷 Núñez said the bridge would reopen.\n"
        let e = extract(text)
        #expect(e.claims.count == 2)
        guard e.claims.count == 2 else { return }
        let quote = e.claims[0]
        #expect(quote.kind == .direct)
        #expect(quote.text == "Cafe\u{301}s are open again 🎉👩‍👩‍👧")
        #expect(quote.attribution?.source.text == "Zoe\u{308} Ångstro\u{308}m")
        #expect(quote.attribution?.source.type == .person)
        let reported = e.claims[1]
        #expect(reported.text == "the bridge would reopen")
        #expect(reported.attribution?.source.text.hasSuffix("Núñez") == true)
        // No span cuts a grapheme: each sliced text starts with a base character.
        for claim in e.claims {
            for s in [claim.text, claim.attribution?.source.text ?? "x"] {
                let first = try #require(s.unicodeScalars.first)
                #expect(!first.properties.isGraphemeExtend && first.value != 0x200D, "“\(s)” starts inside a grapheme")
            }
        }
    }

    @Test func rightToLeftText() throws {
        let text =
            "“שלום לכולם,” the ambassador said.\n\n"
            + "The minister said \u{200F}مرحبا بالعالم\u{200E} was the message.\n\n"
            + "قال الوزير إن المحادثات ستستأنف.\n"
        let e = extract(text)
        let hebrew = try #require(e.claims.first)
        #expect(hebrew.kind == .direct)
        #expect(hebrew.text == "שלום לכולם")
        #expect(hebrew.attribution?.source.text == "the ambassador")
        let arabic = try #require(e.claims.first { $0.text.contains("مرحبا بالعالم") })
        #expect(arabic.kind == .indirect)
        #expect(arabic.attribution?.source.text == "The minister")
        // A paragraph entirely in Arabic: no English cue, so a narrator statement at most.
        #expect(e.claims.allSatisfy { $0.attribution == nil || $0.attribution?.cue.lemma == "say" })
    }

    // MARK: - Size and quotation marks

    /// 10 MB on one line: claims at both ends, exact spans past 10,000,000, in linear time.
    @Test func tenMegabyteSingleLine() throws {
        var text = "“We will rebuild,” the mayor said. "
        let filler = "lorem ipsum dolor sit amet, "
        text.reserveCapacity(10_500_000)
        while text.utf8.count < 10_000_000 { text += filler }
        text += "The minister said the bridge would reopen on Monday."
        let bytes = Array(text.utf8)
        #expect(bytes.count > 10_000_000)
        #expect(!bytes.contains(0x0A))
        let clock = ContinuousClock()
        var e = Extraction(claims: [])
        let elapsed = clock.measure { e = extractor.extract(utf8: bytes) }
        #expect(spanViolations(e, bytes).isEmpty)
        #expect(e.claims.first?.text == "We will rebuild")
        #expect(e.claims.first?.attribution?.source.text == "the mayor")
        let last = try #require(e.claims.last)
        #expect(last.text.hasPrefix("the bridge would reopen"))
        #expect(last.attribution?.source.text == "The minister")
        #expect(last.span.start > 10_000_000)
        // Debug build, shared machine: about 10 s. A quadratic step would take hours.
        #expect(elapsed < .seconds(120), "10 MB took \(elapsed)")
    }

    /// An article over 20,000 characters is read to its end (a peer skips such articles).
    @Test func longArticleIsReadToTheEnd() throws {
        var text = ""
        for p in CorpusText.paragraphs where text.count < 40_000 { text += p + "\n\n" }
        text += "The harbour master said the port would reopen on Friday.\n"
        let e = extract(text)
        #expect(text.count > 20_000)
        let last = try #require(e.claims.last)
        #expect(last.text.hasPrefix("the port would reopen"))
        #expect(last.attribution?.source.text == "The harbour master")
    }

    /// Tens of thousands of unbalanced or nested marks: no crash, linear time, issues
    /// reported, and the clean paragraphs after them give the same claims as alone.
    static let quotationNoise: [String: String] = [
        "opening marks": String(repeating: "“", count: 30_000),
        "closing marks": String(repeating: "” ", count: 30_000),
        "straight marks": String(repeating: "\"", count: 40_000),
        "single marks": String(repeating: "'‘’", count: 15_000),
        "nested openings": String(repeating: "He said “a ‘b ", count: 10_000),
        // 50,000 open single marks, then 50,000 closing doubles with no double open: each
        // closing mark once scanned the whole stack (minutes; now about a second).
        "opened singles then stray doubles": String(repeating: " ‘a", count: 50_000)
            + String(repeating: " a”", count: 50_000),
        "opened doubles then stray singles": String(repeating: " “a", count: 20_000)
            + String(repeating: " a’ b", count: 20_000),
        "balanced deep nesting": String(repeating: "“a ‘b ", count: 5_000) + String(repeating: "c’ d” ", count: 5_000),
    ]

    @Test(arguments: quotationNoise.keys.sorted())
    func manyQuotationMarks(_ what: String) throws {
        let noise = try #require(Self.quotationNoise[what])
        let clean = "The union said the strike would go on.\n\n“We will not move,” the mayor said.\n"
        let alone = extract(clean).claims
        #expect(alone.count == 2)
        let prefix = noise + " the minister said.\n\n"
        let text = prefix + clean
        let clock = ContinuousClock()
        var e = Extraction(claims: [])
        let elapsed = clock.measure { e = extract(text) }
        #expect(elapsed < .seconds(30), "\(what): \(elapsed)")
        let shift = prefix.utf8.count
        let after = e.claims.filter { $0.span.start >= shift }
        #expect(after.map(\.text) == alone.map(\.text), "\(what)")
        #expect(after.map(\.kind) == alone.map(\.kind), "\(what)")
        #expect(after.map(\.span) == alone.map { Span($0.span.start + shift, $0.span.end + shift) }, "\(what)")
        #expect(after.map { $0.attribution?.source.text } == alone.map { $0.attribution?.source.text }, "\(what)")
    }

    /// One unclosed quotation does not lose the rest of the article (a peer gives up).
    @Test func unclosedQuotationKeepsTheArticle() throws {
        let text =
            "“We will never sign this, the minister said.\n\nThe union said the strike would go on.\n\n“It is over,” the mayor said.\n"
        let e = extract(text)
        #expect(e.issues.contains { $0.kind == .unclosedQuote && $0.span == Span(0, 3) })
        #expect(e.claims.contains { $0.text == "the strike would go on" && $0.attribution?.source.text == "The union" })
        #expect(
            e.claims.contains {
                $0.text == "It is over" && $0.kind == .direct && $0.attribution?.source.text == "the mayor"
            })
    }

    /// `""=` crashes a peer.
    @Test func emptyQuotationThenPunctuation() {
        for text in ["\"\"=", "“”=", "\"\"", "\"", "=\"\"", "''=", "“", "”", "\"\"=\n\n\"\"=", "said \"\"="] {
            let e = extract(text)
            #expect(spanViolations(e, Array(text.utf8)).isEmpty, "\(text)")
        }
        let r = CLI.run(["list", "--format", "json", "/dev/null"])
        #expect(r.status == 0)
    }

    // MARK: - Files that are not there or cannot be read

    /// Runs the built binary (or `executable`) with `stdin`: for standard input, which
    /// in-process runs cannot feed, and for running as another user.
    func runBinary(_ args: [String], stdin: Data, executable: URL? = nil) throws -> CLI.Result {
        let process = Process()
        process.executableURL = executable ?? Package.claimcheck
        process.arguments = args
        let input = Pipe()
        let out = Pipe()
        let err = Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        try process.run()
        input.fileHandleForWriting.write(stdin)
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLI.Result(
            status: process.terminationStatus, out: String(decoding: o, as: UTF8.self),
            err: String(decoding: e, as: UTF8.self))
    }

    @Test func standardInputIsNamedInMessages() throws {
        let nul = try runBinary(["list", "-"], stdin: Data([0x41, 0x42, 0x43, 0x00]))
        #expect(nul.status == 2)
        #expect(nul.err == "claimcheck: standard input: binary data (NUL byte at byte offset 3), not a text article\n")
        let bad = try runBinary(["list", "-"], stdin: Data([0x41, 0xFF]))
        #expect(bad.err.hasPrefix("claimcheck: standard input: invalid UTF-8 at byte offset 1"))
        // The peer-crashing three characters, through the real binary.
        let peer = try runBinary(["list", "--format", "json", "-"], stdin: Data("\"\"=".utf8))
        #expect(peer.status == 0)
        #expect(peer.out.contains("\"claims\": []"))
    }

    @Test func emptyFileName() {
        let r = CLI.run(["list", ""])
        #expect(r.status == 2)
        #expect(r.err == "claimcheck: \"\" (an empty file name): no such file\n")
    }

    @Test func directoryPassedAsAFile() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let article = try dir.file("a.txt", "The mayor said the bridge would reopen.")
        let list = CLI.run(["list", dir.url.path])
        #expect(list.status == 2)
        #expect(list.err == "claimcheck: \(dir.url.path): is a directory, not an article file\n")
        let diff = CLI.run(["diff", article, dir.url.path])
        #expect(diff.status == 2)
        #expect(diff.err == "claimcheck: \(dir.url.path): is a directory, not a fixture file\n")
        let check = CLI.run(["check", article, dir.url.path])
        #expect(check.status == 2)
        #expect(check.err == "claimcheck: \(article): not a folder (the corpus folder)\n")
    }

    @Test func fixturesPathThatIsAFile() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        _ = try dir.file("a.txt", "The mayor said the bridge would reopen.")
        let file = try dir.file("fixtures", "")
        // `update --check` writes nothing, so CI runs it too.
        for subcommand in ["check", "update"] {
            let r = CLI.run([subcommand, dir.url.path, file] + (subcommand == "update" ? ["--check"] : []))
            #expect(r.status == 2, "\(subcommand)")
            #expect(r.err == "claimcheck: \(file): not a folder (the fixtures folder)\n", "\(subcommand)")
            #expect(r.out.isEmpty, "\(subcommand) reports nothing as done: \(r.out)")
        }
    }

    @Test func missingFiles() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let article = try dir.file("a.txt", "The mayor said the bridge would reopen.")
        let gone = dir.path("gone.txt")
        let list = CLI.run(["list", gone, article])
        #expect(list.status == 2, "trouble with one file is trouble")
        #expect(list.err == "claimcheck: \(gone): no such file\n")
        #expect(list.out.contains("\(article): 1 claim,"), "the other files are still listed")
        let diff = CLI.run(["diff", article, dir.path("gone.json")])
        #expect(diff.status == 2)
        #expect(diff.err == "claimcheck: \(dir.path("gone.json")): no such fixture file\n")
        // No fixtures folder yet: every fixture is missing (exit 1), and update would create it.
        let check = CLI.run(["check", dir.url.path, dir.path("no-folder")])
        #expect(check.status == 1)
        #expect(check.out.contains("no fixture"))
        let emptyFolder = dir.path("empty")
        try FileManager.default.createDirectory(atPath: emptyFolder, withIntermediateDirectories: true)
        let empty = CLI.run(["check", emptyFolder, dir.path("no-folder")])
        #expect(empty.status == 2, "checking no articles passes nothing: \(empty.out)")
        #expect(empty.err == "claimcheck: \(emptyFolder): no articles (*.txt) to check\n")
        let noCorpus = CLI.run(["check", dir.path("no-corpus"), dir.url.path])
        #expect(noCorpus.status == 2)
        #expect(noCorpus.err == "claimcheck: \(dir.path("no-corpus")): no such folder (the corpus folder)\n")
        #expect(throws: ArticleReader.Problem.notFound(path: gone)) { try ArticleReader.read(path: gone) }
    }

    /// chmod 000 cannot stop root from reading; the test says so and does not pretend.
    @Test(.enabled(if: geteuid() != 0, "running as root: chmod 000 does not block reads (see unreadableDevice)"))
    func unreadableFileByPermissions() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let path = try dir.file("secret.txt", "The mayor said the bridge would reopen.")
        let fixture = try dir.file("secret.json", #"{"schemaVersion": 1, "claims": []}"#)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: fixture)
        let r = CLI.run(["list", path])
        #expect(r.status == 2)
        #expect(r.err == "claimcheck: \(path): cannot read (Permission denied)\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let d = CLI.run(["diff", path, fixture])
        #expect(d.status == 2)
        #expect(d.err == "claimcheck: \(fixture): cannot read the fixture (Permission denied)\n")
    }

    /// As root, the same check through the built binary run as `nobody` (setpriv), for
    /// whom chmod 000 does block reads.
    @Test(
        .enabled(
            if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
            "needs root and setpriv"))
    func unreadableFileByPermissionsAsNobody() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.url.path)
        let path = try dir.file("secret.txt", "The mayor said the bridge would reopen.")
        let fixture = try dir.file("secret.json", #"{"schemaVersion": 1, "claims": []}"#)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: fixture)
        func asNobody(_ args: [String]) throws -> CLI.Result {
            try runBinary(
                ["--reuid=65534", "--regid=65534", "--clear-groups", Package.claimcheck.path] + args,
                stdin: Data(), executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
        }
        let r = try asNobody(["list", path])
        #expect(r.status == 2)
        #expect(r.err == "claimcheck: \(path): cannot read (Permission denied)\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let d = try asNobody(["diff", path, fixture])
        #expect(d.status == 2)
        #expect(d.err == "claimcheck: \(fixture): cannot read the fixture (Permission denied)\n")
    }

    /// Another unreadable file that even root cannot read: /proc/self/mem fails with EIO
    /// at offset 0.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/mem"), "needs Linux /proc"))
    func unreadableDevice() throws {
        let r = CLI.run(["list", "/proc/self/mem"])
        #expect(r.status == 2)
        #expect(r.err == "claimcheck: /proc/self/mem: cannot read (Input/output error)\n")
        let dir = try TempFolder()
        defer { dir.remove() }
        let article = try dir.file("a.txt", "The mayor said it.")
        let d = CLI.run(["diff", article, "/proc/self/mem"])
        #expect(d.status == 2)
        #expect(d.err == "claimcheck: /proc/self/mem: cannot read the fixture (Input/output error)\n")
    }

    /// A device that never ends is cut off at the size limit instead of eating memory.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/zero"), "needs /dev/zero"))
    func endlessDeviceStopsAtTheLimit() {
        #expect(throws: ArticleReader.Problem.self) { try ArticleReader.read(path: "/dev/zero", limit: 1 << 20) }
        do {
            _ = try ArticleReader.read(path: "/dev/zero", limit: 1 << 20)
        } catch {
            #expect("\(error)" == "/dev/zero: larger than the limit of 1048576 bytes for an article")
        }
    }

    // MARK: - Fixtures

    /// Runs `diff` on a one-sentence article against `fixture`; returns the result.
    func diff(fixture: String, article: String = "The mayor said the bridge would reopen.\n") throws -> (
        CLI.Result, String
    ) {
        let dir = try TempFolder()
        defer { dir.remove() }
        let a = try dir.file("a.txt", article)
        let f = try dir.file("a.json", fixture)
        return (CLI.run(["diff", a, f]), f)
    }

    /// Each malformed fixture: exit 2, nothing on stdout, `file:line:column: message`.
    @Test(arguments: [
        // Not JSON.
        ("", "1:1: invalid JSON: unexpected end of file: expected a value"),
        ("This is not JSON.\n", "1:1: invalid JSON: unexpected character; expected a JSON value"),
        ("not JSON\n", "1:1: invalid JSON: unexpected text; expected a JSON value"),
        (
            "{\n  \"schemaVersion\": 1,\n  \"claims\": [\n",
            "4:1: invalid JSON: unexpected end of file: expected a value"
        ),
        ("{\"schemaVersion\": 1, \"claims\": []} trailing", "1:36: invalid JSON: unexpected text after the JSON value"),
        (
            "{\"schemaVersion\": 1, \"schemaVersion\": 1, \"claims\": []}",
            "1:22: invalid JSON: duplicate key \"schemaVersion\""
        ),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"\\ud800\"}]}",
            "1:43: invalid JSON: unpaired UTF-16 surrogate in \\u escape"
        ),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"\\ud800\\u0041\"}]}",
            "1:43: invalid JSON: unpaired UTF-16 surrogate in \\u escape"
        ),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"\\u12G4\"}]}",
            "1:45: invalid JSON: invalid \\u escape: expected 4 hex digits"
        ),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"\\udc00\"}]}",
            "1:43: invalid JSON: invalid \\u escape (a lone UTF-16 surrogate)"
        ),
        ("{\"schemaVersion\": 1e400, \"claims\": []}", "1:19: invalid JSON: number 1e400 is out of range"),
        (
            "{\n  \"schemaVersion\": 01,\n  \"claims\": []\n}",
            "2:20: invalid JSON: invalid number 01 (a JSON number has no leading zero)"
        ),
        (String(repeating: "[", count: 600), "invalid JSON: nesting deeper than 512 levels"),
        // The wrong shape.
        ("[]", "1:1: expected an object with \"schemaVersion\" and \"claims\""),
        ("{\"schemaVersion\": 1}", "expected \"claims\" to be an array"),
        ("{\"schemaVersion\": 1, \"claims\": {}}", "1:32: expected \"claims\" to be an array"),
        ("{\"schemaVersion\": 1, \"claims\": [42]}", "1:33: expected a claim object"),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"kind\": \"direct\"}]}",
            "1:33: expected \"text\" (a string) in every claim"
        ),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"x\", \"kind\": \"rumour\"}]}",
            "1:55: expected \"kind\" to be one of direct, indirect, mixed, unattributed"
        ),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"x\", \"span\": [5, 2]}]}",
            "1:55: expected a span [start, end] of UTF-8 byte offsets with 0 <= start <= end"
        ),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"x\", \"span\": [-1, 2]}]}",
            "1:55: expected a span [start, end]"
        ),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"x\", \"span\": [0.5, 2]}]}",
            "1:55: expected a span [start, end]"
        ),
        ("{\"schemaVersion\": 1, \"claims\": [{\"text\": \"x\", \"colour\": 1}]}", "1:57: unknown key \"colour\""),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"x\", \"attribution\": {\"source\": {\"type\": \"alien\"}}}]}",
            "1:82: expected type to be one of person"
        ),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"x\", \"attribution\": {\"via\": {}}}]}",
            "1:70: expected \"via\" to be an array of hops"
        ),
        // A time is {"text", "span"} or null, never a plain string (a quoted fragment may be one).
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"x\", \"attribution\": {\"time\": \"on Friday\"}}]}",
            "1:71: expected {\"text\": …} or null for \"time\" (a time is never a plain string)"
        ),
        (
            "{\"schemaVersion\": 1, \"claims\": [{\"text\": \"x\", \"attribution\": {\"via\": [{\"time\": 5}]}}]}",
            "1:80: expected {\"text\": …} or null for \"time\""
        ),
        (
            "{\"schemaVersion\": 1, \"article\": \"../etc/passwd\", \"claims\": []}",
            "1:33: \"article\" must be a plain file name in the corpus folder: it contains \"..\""
        ),
        (
            "{\"schemaVersion\": 1, \"article\": \"/etc/passwd\", \"claims\": []}",
            "1:33: \"article\" must be a plain file name in the corpus folder: it is an absolute path"
        ),
        // Versions.
        ("{\"schemaVersion\": 2, \"claims\": []}", "1:19: unknown schemaVersion 2; this claimcheck reads version 1"),
        (
            "{\"schemaVersion\": 1.5, \"claims\": []}",
            "1:19: unknown schemaVersion 1.5; this claimcheck reads version 1"
        ),
        (
            "{\"schemaVersion\": 1e300, \"claims\": []}",
            "1:19: unknown schemaVersion 1e+300; this claimcheck reads version 1"
        ),
        ("{\"schemaVersion\": \"1\", \"claims\": []}", "1:19: expected \"schemaVersion\": 1"),
        ("{\"claims\": []}", "1:1: expected \"schemaVersion\": 1"),
        // Duplicate ids: the second one is named.
        (
            "{\n\"schemaVersion\": 1,\n\"claims\": [\n{\"id\": \"c1\", \"text\": \"a\"},\n{\"id\": \"c1\", \"text\": \"b\"}\n]\n}",
            "5:8: duplicate claim id \"c1\""
        ),
    ])
    func malformedFixture(_ fixture: String, _ message: String) throws {
        let (r, path) = try diff(fixture: fixture)
        #expect(r.status == 2, "\(fixture)")
        #expect(r.out.isEmpty)
        #expect(r.err.hasPrefix("claimcheck: \(path):"), "\(r.err)")
        #expect(r.err.contains(message), "\(r.err)")
        #expect(r.err.hasSuffix("\n") && r.err.split(separator: "\n").count == 1, "one line: \(r.err)")
    }

    /// 20,000 expected claims, none found: each difference names its line, and the
    /// report stays linear (each location was a scan from the top: ten minutes).
    @Test func hugeFixtureReportsInLinearTime() throws {
        var text = "{\n  \"schemaVersion\": 1,\n  \"claims\": [\n"
        for i in 0..<20_000 { text += "    {\"text\": \"claim number \(i)\"}" + (i < 19_999 ? ",\n" : "\n") }
        text += "  ]\n}\n"
        let fixture = try Fixture.parse(Array(text.utf8), path: "many.json")
        let clock = ContinuousClock()
        var report = ComparisonReport()
        let elapsed = clock.measure { report = ClaimComparison().compare([], with: fixture) }
        #expect(report.differences.count == 20_000)
        #expect(report.differences.last?.location == SourceLocation(line: 20_003, column: 5))
        #expect(elapsed < .seconds(20), "\(elapsed)")
    }

    /// The one-pass locations agree with the per-value scan, on every corpus fixture.
    @Test func fixtureLocationsAgree() throws {
        for name in Package.articles {
            let bytes = Array(try Data(contentsOf: Package.expected.appendingPathComponent(name + ".json")))
            var parser = JSONParser(bytes: bytes)
            _ = try parser.parse()
            let all = parser.allLocations()
            #expect(all.count == parser.offsets.count)
            for path in parser.offsets.keys { #expect(all[path] == parser.location(of: path), "\(name): \(path)") }
        }
    }

    @Test func fixtureThatIsNotUTF8() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let a = try dir.file("a.txt", "The mayor said it.")
        let f = try dir.file(
            "a.json",
            Array("{\n  \"schemaVersion\": 1,\n  \"claims\": [{\"text\": \"caf".utf8) + [0xE9] + Array("\"}]\n}".utf8))
        let r = CLI.run(["diff", a, f])
        #expect(r.status == 2)
        #expect(r.err == "claimcheck: \(f):3:27: invalid UTF-8 at byte offset 50; a fixture is UTF-8 JSON\n")
    }

    /// A span beyond the article's end is a malformed fixture, reported where it is
    /// written, by `diff` and by `check`.
    @Test func fixtureSpansOutOfRange() throws {
        let article = "The mayor said the bridge would reopen.\n"  // 40 bytes
        let claimSpan = """
            {
              "schemaVersion": 1,
              "claims": [
                { "text": "the bridge would reopen", "span": [15, 400] }
              ]
            }
            """
        let (r, path) = try diff(fixture: claimSpan, article: article)
        #expect(r.status == 2)
        #expect(r.err == "claimcheck: \(path):4:50: span [15, 400] is beyond the end of the article (40 bytes)\n")
        let hopSpan = """
            {
              "schemaVersion": 1,
              "claims": [
                { "text": "the bridge would reopen", "span": [15, 38],
                  "attribution": { "source": { "text": "The mayor", "span": [0, 9] },
                                   "via": [ { "cue": { "text": "said", "span": [41, 45] } } ] } }
              ]
            }
            """
        let (h, hopPath) = try diff(fixture: hopSpan, article: article)
        #expect(h.status == 2)
        #expect(h.err == "claimcheck: \(hopPath):6:68: span [41, 45] is beyond the end of the article (40 bytes)\n")
        // At the very end is fine: [40, 40] is an empty span after the last byte.
        let atEnd = claimSpan.replacingOccurrences(of: "[15, 400]", with: "[40, 40]")
        #expect(try diff(fixture: atEnd, article: article).0.status == 1)
        // check: the article fails with trouble, the others still run.
        let dir = try TempFolder()
        defer { dir.remove() }
        try FileManager.default.createDirectory(
            at: dir.url.appendingPathComponent("c"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: dir.url.appendingPathComponent("e"), withIntermediateDirectories: true)
        try dir.file("c/a.txt", article)
        try dir.file("e/a.json", claimSpan)
        let c = CLI.run(["check", dir.path("c"), dir.path("e")])
        #expect(c.status == 2)
        #expect(c.err.contains("e/a.json:4:50: span [15, 400] is beyond the end of the article (40 bytes)"))
        // The library call that does the check.
        let fixture = try Fixture.parse(Array(claimSpan.utf8), path: "f.json")
        #expect(throws: FixtureError.self) {
            try ClaimComparison().compare([], with: fixture, articleLength: 40)
        }
        #expect(throws: Never.self) { try ClaimComparison().compare([], with: fixture, articleLength: 400) }
    }
}
