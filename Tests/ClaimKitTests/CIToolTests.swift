import ClaimKit
import Foundation
import Testing

@testable import ClaimCheckCLI

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `claimcheck` as a CI golden-test tool: update / review / accept / reject, CI
/// refusal, atomic writes, unreferenced and malformed fixtures, reports, annotations.
/// Every test works in its own temporary folder, never on the repository's Expected/.
@Suite struct CIToolTests {
    // MARK: CI refusal

    @Test(arguments: ["true", "1", "yes", "TRUE", "anything"])
    func writingCommandsRefuseInCI(_ value: String) throws {
        let t = try TemporaryCorpus()
        let env = ["CI": value]
        let update = tool(["update", t.corpus, t.expected], environment: env)
        #expect(update.status == 2)
        #expect(update.err.contains("not writing fixtures in CI"))
        #expect(update.err.contains("claimcheck update"), "the refusal says how to update locally")
        #expect(!FileManager.default.fileExists(atPath: t.expected), "nothing may be written in CI")
        #expect(tool(["update", t.corpus, t.expected, "--accept"], environment: env).status == 2)
        #expect(!FileManager.default.fileExists(atPath: t.expected))

        // A pending fixture made locally survives accept and reject in CI.
        try t.write("{}", to: t.pendingPath("harbour"))
        for command in ["accept", "reject"] {
            let r = tool([command, "--expected", t.expected], environment: env)
            #expect(r.status == 2, "\(command)")
            #expect(r.err.contains("not writing fixtures in CI"))
        }
        #expect(t.expectedFiles == ["harbour.json.new"])
    }

    @Test func updateCheckIsAllowedInCIAndWritesNothing() throws {
        let t = try TemporaryCorpus()
        let r = tool(["update", t.corpus, t.expected, "--check"], environment: ["CI": "true"])
        #expect(r.status == 1, "two articles without fixtures would change")
        #expect(r.out.contains("would write \(t.pendingPath("harbour"))"))
        #expect(!FileManager.default.fileExists(atPath: t.expected))
        try t.recordAll()
        let clean = tool(["update", t.corpus, t.expected, "--check"], environment: ["CI": "true"])
        #expect(clean.status == 0, "\(clean.out)")
        #expect(t.expectedFiles == ["harbour.json", "library.json"])
    }

    @Test func ciDetection() {
        for (value, ci) in [
            ("true", true), ("1", true), ("yes", true), ("", false), ("0", false), ("false", false), ("False", false),
        ] {
            #expect(RunEnvironment.isCI(["CI": value]) == ci, "CI=\(value)")
        }
        #expect(!RunEnvironment.isCI([:]))
    }

    @Test func checkInCIFailsOnUnreferencedAndSaysHowToUpdate() throws {
        let t = try TemporaryCorpus()
        try t.recordAll()
        try t.breakKind("harbour")
        let r = tool(["check", t.corpus, t.expected], environment: ["CI": "true"])
        #expect(r.status == 1)
        #expect(r.err.contains("fixtures are not updated in CI"))
        #expect(r.err.contains("claimcheck update"))
    }

    // MARK: Atomic writes

    @Test func atomicWriteReplacesWholeFileInTheSameFolder() throws {
        let t = try TemporaryCorpus(articles: [:])
        let path = t.root.appendingPathComponent("out.json").path
        #expect(
            FilePath.directory(AtomicFile.temporaryPath(for: path)) == t.root.path,
            "the temporary file is in the target's folder, so rename(2) is atomic")
        try AtomicFile.write("first\n", to: path)
        try AtomicFile.write("second\n", to: path)
        #expect(try t.read(path) == "second\n")
        let files = try FileManager.default.contentsOfDirectory(atPath: t.root.path).sorted()
        #expect(files == ["Corpus", "out.json"], "no temporary file is left behind")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o044 } == 0o044, "readable like any file (0666 less the umask), not 0600")
    }

    @Test func failedAtomicWriteLeavesTargetAndNoTemporaryFile() throws {
        let t = try TemporaryCorpus(articles: [:])
        let target = t.root.appendingPathComponent("taken")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: target.appendingPathComponent("inside"))
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: target.path) }
        #expect(try t.read(target.appendingPathComponent("inside").path) == "keep")
        let files = try FileManager.default.contentsOfDirectory(atPath: t.root.path).sorted()
        #expect(files == ["Corpus", "taken"])
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write("x", to: t.root.appendingPathComponent("no/such/dir/f").path)
        }
    }

    @Test func atomicWriteKeepsPermissionsAndTakesLongNames() throws {
        let t = try TemporaryCorpus(articles: [:])
        let path = t.root.appendingPathComponent("private.json").path
        try t.write("old\n", to: path)
        #expect(chmod(path, 0o600) == 0)
        try AtomicFile.write("new\n", to: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "a private file stays private, got \(String(mode ?? 0, radix: 8))")
        #expect(try t.read(path) == "new\n")
        // A 255-byte name (the usual limit) still gets a temporary name within the limit.
        let long = t.root.appendingPathComponent(String(repeating: "c", count: 250) + ".html").path
        try AtomicFile.write("page\n", to: long)
        #expect(try t.read(long) == "page\n")
        #expect(FilePath.name(AtomicFile.temporaryPath(for: long)).utf8.count <= 255)
    }

    @Test func atomicWriteFollowsALinkAndWritesThroughAPipe() throws {
        let t = try TemporaryCorpus(articles: [:])
        // A link: the file it names is replaced, the link stays a link.
        let real = t.root.appendingPathComponent("real.xml").path
        let link = t.root.appendingPathComponent("link.xml").path
        try t.write("old\n", to: real)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        try AtomicFile.write("new\n", to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real, "the link is kept")
        #expect(try t.read(real) == "new\n")
        // A FIFO (as /dev/stdout or a process substitution may be): written through, not
        // renamed over, which would leave a plain file where the pipe was.
        let fifo = t.root.appendingPathComponent("report.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = Captured()
        let done = DispatchSemaphore(value: 0)
        let reader = Thread {
            let fd = open(fifo, O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 256)
            while fd >= 0 {
                let n = read(fd, &buffer, buffer.count)
                if n <= 0 { break }
                received.appendOut(String(decoding: buffer[..<n], as: UTF8.self))
            }
            close(fd)
            done.signal()
        }
        reader.start()
        try AtomicFile.write("through the pipe\n", to: fifo)
        #expect(done.wait(timeout: .now() + 10) == .success, "the reader saw the end of the pipe")
        #expect(received.out == "through the pipe\n")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO is still a FIFO")
    }

    @Test func updateDoesNotSayNothingToUpdateWhenAWriteFailed() throws {
        let t = try TemporaryCorpus(articles: ["harbour": TemporaryCorpus.harbour])
        // A folder where the pending fixture goes: the write fails, as on a full disk.
        try FileManager.default.createDirectory(atPath: t.pendingPath("harbour"), withIntermediateDirectories: true)
        let r = tool(["update", t.corpus, t.expected])
        #expect(r.status == 2)
        #expect(r.err.contains("\(t.pendingPath("harbour")): cannot write (is a folder)"), "\(r.err)")
        #expect(!r.out.contains("nothing to update"), "\(r.out)")
        #expect(r.out.contains("nothing written: 1 fixture could not be written (see the errors above)"), "\(r.out)")
    }

    @Test func updatePrintsEveryPathItWritesAndLeavesNoTemporaryFiles() throws {
        let t = try TemporaryCorpus()
        let r = tool(["update", t.corpus, t.expected])
        #expect(r.status == 0, "\(r.err)")
        let written = r.out.split(separator: "\n").filter { $0.hasPrefix("wrote ") }
            .map { String($0.dropFirst(6).prefix { $0 != " " }) }
        #expect(written.sorted() == [t.pendingPath("harbour"), t.pendingPath("library")])
        #expect(t.expectedFiles == ["harbour.json.new", "library.json.new"])
        #expect(r.out.contains("created \(t.expected)/"))
        // The pending fixture is the extractor's output in fixture form.
        let bytes = try ArticleReader.read(path: FilePath.join(t.corpus, "harbour.txt")).bytes
        let expected = ClaimJSON.fixture(article: "harbour.txt", claims: ClaimExtractor().extract(utf8: bytes).claims)
        #expect(try t.read(t.pendingPath("harbour")) == expected)
    }

    // MARK: update, review, accept, reject

    @Test func recordReviewAcceptThenBreakAFixture() throws {
        let t = try TemporaryCorpus()
        #expect(tool(["check", t.corpus, t.expected]).status == 1, "no fixtures yet")
        #expect(tool(["update", t.corpus, t.expected]).status == 0)
        let review = tool(["review", t.corpus, t.expected])
        #expect(review.status == 1)
        #expect(review.out.contains("new fixture:"))
        #expect(review.out.contains("2 pending fixtures"))
        let accept = tool(["accept", "harbour", "--expected", t.expected])
        #expect(accept.status == 0, "\(accept.err)")
        #expect(accept.out.contains("wrote \(t.fixturePath("harbour"))"))
        let reject = tool(["reject", "--expected", t.expected])
        #expect(reject.status == 0)
        #expect(reject.out.contains("removed \(t.pendingPath("library"))"))
        #expect(t.expectedFiles == ["harbour.json"])
        #expect(tool(["check", t.corpus, t.expected, "--filter", "harbour"]).status == 0)

        // Break it: review shows the field, the fixture line, both values.
        let line = try t.breakKind("harbour")
        let check = tool(["check", t.corpus, t.expected, "--filter", "harbour"])
        #expect(check.status == 1)
        #expect(check.out.contains("kind"))
        #expect(check.out.contains("(\(t.fixturePath("harbour")):\(line):"), "\(check.out)")
        #expect(
            tool(["update", t.corpus, t.expected, "--only", "missing"]).out.contains(
                "wrote \(t.pendingPath("library"))"))
        #expect(
            !FileManager.default.fileExists(atPath: t.pendingPath("harbour")), "--only missing skips changed fixtures")
        let update = tool(["update", t.corpus, t.expected, "--only", "changed"])
        #expect(update.out.contains("wrote \(t.pendingPath("harbour")) (1 difference"))
        let diff = tool(["review", t.corpus, t.expected, "--filter", "harbour"])
        #expect(diff.status == 1)
        #expect(diff.out.contains("changed"))
        #expect(diff.out.contains("kind"))
        #expect(diff.out.contains("fixture:"))
        #expect(diff.out.contains("pending:"))
        #expect(diff.out.contains("\(t.fixturePath("harbour")):\(line):"))
        #expect(!diff.out.contains("library"), "--filter limits the review")
        #expect(tool(["accept", "harbour", "--expected", t.expected]).status == 0)
        #expect(tool(["check", t.corpus, t.expected, "--filter", "harbour"]).status == 0)
        #expect(tool(["review", t.corpus, t.expected, "--filter", "harbour"]).status == 0)
    }

    @Test func updateNeverRewritesPassingFixturesAndRemovesStalePending() throws {
        let t = try TemporaryCorpus()
        try t.recordAll()
        // A partial fixture (spans and ids removed) still passes: update leaves it alone.
        let partial = try t.strip("library", keys: ["span", "id"])
        try t.write("stale", to: t.pendingPath("library"))
        let r = tool(["update", t.corpus, t.expected])
        #expect(r.status == 0, "\(r.err)")
        #expect(try t.read(t.fixturePath("library")) == partial)
        #expect(r.out.contains("removed \(t.pendingPath("library"))"))
        #expect(r.out.contains("nothing to update"))
        #expect(t.expectedFiles == ["harbour.json", "library.json"])
    }

    @Test func updateAcceptWritesFixturesDirectly() throws {
        let t = try TemporaryCorpus()
        try t.recordAll()
        try t.breakKind("harbour")
        let r = tool(["update", t.corpus, t.expected, "--accept"])
        #expect(r.status == 0)
        #expect(r.out.contains("wrote \(t.fixturePath("harbour"))"))
        #expect(t.expectedFiles == ["harbour.json", "library.json"])
        #expect(tool(["check", t.corpus, t.expected]).status == 0)
    }

    @Test func acceptRefusesAMalformedPendingFixture() throws {
        let t = try TemporaryCorpus()
        try t.write("{\n  \"schemaVersion\": 1,\n  \"claims\": [3]\n}\n", to: t.pendingPath("harbour"))
        let r = tool(["accept", "harbour", "--expected", t.expected])
        #expect(r.status == 2)
        #expect(r.err.contains("harbour.json.new:3:14"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: t.fixturePath("harbour")))
        #expect(tool(["accept", "library", "--expected", t.expected]).status == 2, "no such pending fixture")
    }

    // MARK: Path refusal

    @Test(arguments: ["../escape", "..", "/etc/passwd", "a/b", "a\\b", "", "x..y"])
    func fixtureNamesCannotLeaveTheFolder(_ name: String) {
        #expect(throws: GoldenCorpus.NameError.self) { try GoldenCorpus.validateName(name) }
        for command in ["accept", "reject"] {
            let r = tool([command, "--", name])
            #expect(r.status == 64, "\(command) \(name)")
            #expect(r.err.contains("not a fixture name"))
        }
    }

    @Test func ordinaryNamesAreFixtureNames() throws {
        for name in ["turkey-libya-security-deal", "a.b", "über_2024", "-dash"] {
            try GoldenCorpus.validateName(name)
        }
        let corpus = GoldenCorpus(corpus: "C", expected: "E")
        #expect(try corpus.fixturePath("x") == "E/x.json")
        #expect(try corpus.pendingPath("x") == "E/x.json.new")
        #expect(throws: GoldenCorpus.NameError.self) { try corpus.fixturePath("../x") }
    }

    // MARK: check: missing, mismatch, unreferenced, malformed

    @Test func unreferencedFixturesWarnLocallyFailInCIAndAreIgnoredUnderFilter() throws {
        let t = try TemporaryCorpus()
        try t.recordAll()
        try FileManager.default.copyItem(atPath: t.fixturePath("library"), toPath: t.fixturePath("renamed-away"))
        try t.write("pending", to: t.pendingPath("pending-only"))

        let local = tool(["check", t.corpus, t.expected])
        #expect(local.status == 0, "\(local.out)")
        #expect(local.out.contains("WARN \(t.fixturePath("renamed-away")): unreferenced fixture"))
        #expect(!local.out.contains("pending-only"), "a pending fixture is not an unreferenced fixture")
        #expect(local.out.hasSuffix("2 passed, 0 failed\n"))

        let ci = tool(["check", t.corpus, t.expected], environment: ["CI": "true"])
        #expect(ci.status == 1)
        #expect(ci.out.contains("FAIL \(t.fixturePath("renamed-away")): unreferenced fixture"))
        #expect(ci.out.hasSuffix("2 passed, 1 failed\n"))

        #expect(tool(["check", t.corpus, t.expected, "--unreferenced", "fail"]).status == 1)
        let ignored = tool(["check", t.corpus, t.expected, "--unreferenced", "ignore"], environment: ["CI": "true"])
        #expect(ignored.status == 0)
        #expect(!ignored.out.contains("renamed-away"))
        let filtered = tool(
            ["check", t.corpus, t.expected, "--filter", "harb*", "--unreferenced", "fail"], environment: ["CI": "true"])
        #expect(filtered.status == 0, "--filter checks part of the corpus: unreferenced is not judged")
        #expect(filtered.out.hasSuffix("1 passed, 0 failed\n"))
    }

    @Test func configurationBesideArticlesIsNotAFixture() throws {
        let t = try TemporaryCorpus()
        try t.write("{\"tolerance\": 0.9}", to: FilePath.join(t.corpus, "claimcheck.json"))
        #expect(tool(["update", t.corpus, t.corpus, "--accept"]).status == 0)
        let r = tool(["check", t.corpus, t.corpus, "--unreferenced", "fail"])
        #expect(r.status == 0, "\(r.out)")
    }

    @Test func missingFixtureAndMismatchAreToldApart() throws {
        let t = try TemporaryCorpus()
        try t.recordAll()
        try FileManager.default.removeItem(atPath: t.fixturePath("library"))
        try t.breakKind("harbour")
        let r = tool(["check", t.corpus, t.expected])
        #expect(r.status == 1)
        #expect(r.out.contains("FAIL library: no fixture \(t.fixturePath("library"))"))
        #expect(r.out.contains("FAIL harbour  precision"))
        #expect(r.out.contains("failures: 1 mismatch, 1 missing fixture"))
        #expect(r.out.hasSuffix("0 passed, 2 failed\n"))
    }

    @Test func noFixtureComparedGivesNoScore() throws {
        let t = try TemporaryCorpus()
        let r = tool(["check", t.corpus, t.expected])
        #expect(r.status == 1)
        #expect(r.out.contains("total: no article was compared with a fixture"), "\(r.out)")
        #expect(!r.out.contains("precision 1.000"), "a run that compared nothing must not print perfect scores")
    }

    @Test func malformedFixtureIsTroubleWithItsLocation() throws {
        let t = try TemporaryCorpus()
        try t.recordAll()
        try t.write(
            "{\n  \"schemaVersion\": 1,\n  \"claims\": [\n    {\"text\": 3}\n  ]\n}\n", to: t.fixturePath("library"))
        let r = tool(["check", t.corpus, t.expected])
        #expect(r.status == 2)
        #expect(r.err.contains("\(t.fixturePath("library")):4:5: expected \"text\""), "\(r.err)")
        #expect(r.out.contains("ERROR library: malformed fixture \(t.fixturePath("library")):4:5"))
        #expect(r.out.hasSuffix("1 passed, 1 failed\n"))
        let syntax = tool(["check", t.corpus, t.expected, "--filter", "library"])
        #expect(syntax.status == 2)
        try t.write("{\n  \"schemaVersion\": 1,\n  \"claims\": [,]\n}\n", to: t.fixturePath("library"))
        #expect(tool(["check", t.corpus, t.expected]).err.contains("library.json:3:14: invalid JSON"))
    }

    @Test func failFastStopsAtTheFirstFailure() throws {
        let t = try TemporaryCorpus(articles: [
            "a": TemporaryCorpus.harbour, "b": TemporaryCorpus.library, "c": TemporaryCorpus.bakery,
        ])
        let r = tool(["check", t.corpus, t.expected, "--fail-fast", "--report", "junit=\(t.root.path)/junit.xml"])
        #expect(r.status == 1)
        #expect(r.out.contains("FAIL a: no fixture"))
        #expect(!r.out.contains("FAIL b"))
        #expect(r.out.contains("2 articles not checked"))
        #expect(r.out.hasSuffix("0 passed, 1 failed\n"))
        let xml = try t.read("\(t.root.path)/junit.xml")
        #expect(xml.components(separatedBy: "<skipped").count == 3)
    }

    @Test func filterSelectsArticlesByGlob() throws {
        let t = try TemporaryCorpus(articles: [
            "harbour": TemporaryCorpus.harbour, "library": TemporaryCorpus.library, "bakery": TemporaryCorpus.bakery,
        ])
        let r = tool(["check", t.corpus, t.expected, "--filter", "h*", "--filter", "bak?ry.txt"])
        #expect(r.out.contains("FAIL harbour"))
        #expect(r.out.contains("FAIL bakery"))
        #expect(!r.out.contains("library"))
        #expect(Glob.selects(["[lb]*"], article: "library"))
        #expect(!Glob.selects(["[lb]*"], article: "harbour"))
        let none = tool(["check", t.corpus, t.expected, "--filter", "zzz*"])
        #expect(none.status == 2, "a filter matching nothing is not a pass")
        #expect(none.err.contains("matches --filter zzz*"))
    }

    // MARK: Parsing

    @Test func newOptionsParse() throws {
        var check = CheckOptions()
        check.filters = ["a*", "b?"]
        check.failFast = true
        check.unreferenced = .ignore
        check.reports = [ReportRequest(kind: .junit, path: "out/j.xml"), ReportRequest(kind: .json, path: "r=1.json")]
        check.color = .never
        #expect(
            try CommandLineParser.parse([
                "check", "--filter", "a*", "--filter=b?", "--fail-fast", "--unreferenced", "ignore",
                "--report", "junit=out/j.xml", "--report=json=r=1.json", "--color", "never",
            ]) == .check(check))
        var update = UpdateOptions()
        update.corpus = "C"
        update.expected = "E"
        update.only = .changed
        update.filters = ["x*"]
        update.check = true
        #expect(
            try CommandLineParser.parse(["update", "C", "E", "--only", "changed", "--filter", "x*", "--check"])
                == .update(update))
        #expect(try CommandLineParser.parse(["review"]) == .review(ReviewOptions()))
        var settle = SettleOptions()
        settle.names = ["a", "b"]
        settle.expected = "F"
        #expect(try CommandLineParser.parse(["accept", "a", "b", "--expected", "F"]) == .accept(settle))
        #expect(try CommandLineParser.parse(["reject", "a", "b", "--expected=F"]) == .reject(settle))
        #expect(try CommandLineParser.parse(["accept", "--help"]) == .help(topic: "accept"))
    }

    /// Two reports to one file: each write would replace the last, so only one report
    /// would be left; a usage error naming the file, and nothing checked or written.
    @Test func twoReportsToOneFileAreAUsageError() throws {
        let t = try TemporaryCorpus()
        try t.recordAll()
        let path = t.root.appendingPathComponent("report.xml").path
        for second in ["junit=\(path)", "json=\(path)", "html=\(t.root.path)/./report.xml"] {
            let r = tool(["check", t.corpus, t.expected, "--report", "junit=\(path)", "--report", second])
            #expect(r.status == 64, "\(second): \(r.err)")
            #expect(r.out.isEmpty)
            #expect(
                r.err.hasPrefix("claimcheck: --report junit=\(path) and --report \(second) both write \(path);"),
                "\(r.err)")
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        // Relative and absolute spellings of one file are one file too (a corpus that does
        // not exist, so that nothing would be written here even if this were not refused).
        let cwd = FileManager.default.currentDirectoryPath
        let relative = tool([
            "check", t.root.appendingPathComponent("nowhere").path, "--report", "json=r.json", "--report",
            "junit=\(cwd)/r.json",
        ])
        #expect(relative.status == 64 && relative.err.contains("both write r.json"), "\(relative.err)")
        // Different files are fine.
        let two = tool([
            "check", t.corpus, t.expected, "--report", "junit=\(path)", "--report", "json=\(t.root.path)/report.json",
        ])
        #expect(two.status == 0, "\(two.err)")
        #expect(FileManager.default.fileExists(atPath: path))
    }

    // MARK: Exit codes

    @Test func exitCodes() throws {
        let t = try TemporaryCorpus()
        #expect(tool(["check", t.corpus, t.expected]).status == 1, "missing fixtures")
        try t.recordAll()
        #expect(tool(["check", t.corpus, t.expected]).status == 0)
        try t.breakKind("library")
        #expect(tool(["check", t.corpus, t.expected]).status == 1)
        #expect(tool(["check", t.root.appendingPathComponent("nowhere").path, t.expected]).status == 2)
        #expect(
            tool(["check", t.corpus, t.expected, "--report", "junit=\(t.root.path)/no/such/dir/r.xml"]).status == 2)
        for args in [
            ["check", "--unreferenced", "sometimes"], ["check", "--report", "pdf=x"], ["check", "--report", "junit="],
            ["check", "--color", "purple"], ["update", "--only", "some"], ["update", "--accept", "--check"],
            ["update", "a", "b", "c"], ["review", "a", "b", "c"], ["accept", "../x"], ["reject", "--nope"],
        ] {
            let r = tool(args)
            #expect(r.status == 64, "\(args)")
            #expect(r.out.isEmpty)
        }
        let help = tool(["--help"])
        #expect(help.status == 0)
        for text in ["update", "review", "accept", "reject", "EXIT STATUS", "  64  usage error", "run in CI"] {
            #expect(help.out.contains(text), "\(text)")
        }
        for sub in ["check", "update", "review", "accept", "reject"] {
            let r = tool(["help", sub])
            #expect(r.status == 0)
            #expect(r.out.contains("EXIT STATUS"), "\(sub)")
        }
    }

    // MARK: Reports

    #if canImport(FoundationXML) || os(macOS)
        @Test func junitReportParsesBackWithOneTestcasePerArticle() throws {
            let t = try TemporaryCorpus(articles: [
                "harbour": TemporaryCorpus.harbour, "library": TemporaryCorpus.library,
                "bakery": TemporaryCorpus.bakery,
                "odd & <name>": "Prices rose \"sharply\" & fast, officials said.\n",
            ])
            try t.recordAll()
            let line = try t.breakKind("harbour")
            try FileManager.default.removeItem(atPath: t.fixturePath("bakery"))
            try t.write("{\"schemaVersion\": 2, \"claims\": []}", to: t.fixturePath("library"))
            let path = t.root.appendingPathComponent("report.xml").path
            let r = tool(["check", t.corpus, t.expected, "--report", "junit=\(path)"])
            #expect(r.status == 2)
            #expect(r.err.contains("wrote junit report \(path)"))

            let document = try XMLDocument(contentsOf: URL(fileURLWithPath: path), options: [])
            let cases = try document.nodes(forXPath: "/testsuites/testsuite/testcase").compactMap { $0 as? XMLElement }
            #expect(
                cases.compactMap { $0.attribute(forName: "name")?.stringValue }.sorted() == [
                    "bakery", "harbour", "library", "odd & <name>",
                ])
            func testcase(_ name: String) -> XMLElement? {
                cases.first { $0.attribute(forName: "name")?.stringValue == name }
            }

            let failure = try #require(testcase("harbour")?.elements(forName: "failure").first)
            #expect(failure.attribute(forName: "type")?.stringValue == "mismatch")
            let body = failure.stringValue ?? ""
            #expect(body.contains("kind"))
            #expect(body.contains("\(t.fixturePath("harbour")):\(line):"), "the diff is the body: \(body)")
            #expect(testcase("harbour")?.attribute(forName: "file")?.stringValue == t.fixturePath("harbour"))

            #expect(
                testcase("bakery")?.elements(forName: "failure").first?.attribute(forName: "type")?.stringValue
                    == "missing-fixture")
            let error = try #require(testcase("library")?.elements(forName: "error").first)
            #expect(error.attribute(forName: "type")?.stringValue == "malformed-fixture")
            #expect(
                error.attribute(forName: "message")?.stringValue?.contains("library.json:1:19: unknown schemaVersion 2")
                    == true)
            #expect(testcase("odd & <name>")?.children?.isEmpty ?? true, "the oddly named article passes")

            let suite = try #require(document.rootElement()?.elements(forName: "testsuite").first)
            #expect(suite.attribute(forName: "tests")?.stringValue == "4")
            #expect(suite.attribute(forName: "failures")?.stringValue == "2")
            #expect(suite.attribute(forName: "errors")?.stringValue == "1")
            #expect(try t.read(path).hasSuffix("</testsuites>\n"))
        }
    #endif

    @Test func xmlEscapingKeepsDocumentsWellFormed() {
        #expect(XML.text("a & b < c > d") == "a &amp; b &lt; c &gt; d")
        #expect(XML.attribute("\"x\" 'y'\nz\t") == "&quot;x&quot; &apos;y&apos;&#10;z&#9;")
        #expect(XML.text("bell\u{07}nul\u{0}") == "bell\u{FFFD}nul\u{FFFD}", "characters XML 1.0 forbids are replaced")
        #expect(XML.text("line\nnext") == "line\nnext")
    }

    @Test func jsonReportHasAStatusPerArticle() throws {
        let t = try TemporaryCorpus()
        try t.recordAll()
        try t.breakKind("harbour")
        try FileManager.default.copyItem(atPath: t.fixturePath("library"), toPath: t.fixturePath("gone"))
        let path = t.root.appendingPathComponent("report.json").path
        let r = tool(["check", t.corpus, t.expected, "--report", "json=\(path)", "--unreferenced", "fail"])
        #expect(r.status == 1)
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        let articles = json?["articles"] as? [[String: Any]] ?? []
        #expect(articles.map { $0["name"] as? String } == ["harbour", "library"])
        #expect(articles.map { $0["status"] as? String } == ["mismatch", "passed"])
        let differences = articles.first?["differences"] as? [[String: Any]] ?? []
        #expect(differences.first?["field"] as? String == "kind")
        #expect((json?["unreferenced"] as? [[String: Any]])?.first?["fixture"] as? String == t.fixturePath("gone"))
        #expect(json?["passed"] as? Int == 1)
        #expect(json?["failed"] as? Int == 2)
        // --format json prints the same document.
        let stdout = tool(["check", t.corpus, t.expected, "--format", "json", "--unreferenced", "fail"])
        #expect(stdout.out == (try t.read(path)))
    }

    // MARK: GitHub Actions annotations

    @Test func annotationEscaping() {
        #expect(GitHubAnnotation.escapeData("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b")
        #expect(GitHubAnnotation.escapeProperty("Expected/a:b,c%.json\n") == "Expected/a%3Ab%2Cc%25.json%0A")
        #expect(
            GitHubAnnotation.command(
                "error", file: "E/x,y.json", line: 12, column: 3, title: "t: 1", message: "a\nb: 50%")
                == "::error file=E/x%2Cy.json,line=12,col=3,title=t%3A 1::a%0Ab: 50%25")
        #expect(
            GitHubAnnotation.command("warning", file: nil, line: nil, column: nil, title: nil, message: "m")
                == "::warning::m")
    }

    @Test func annotationsOnePerFileAtMostTen() throws {
        var articles: [String: String] = [:]
        for i in 0..<12 { articles["article-\(i < 10 ? "0" : "")\(i)"] = TemporaryCorpus.library }
        let t = try TemporaryCorpus(articles: articles)
        try t.recordAll()
        let line = try t.breakKind("article-00")
        let env = ["GITHUB_ACTIONS": "true"]
        let one = tool(["check", t.corpus, t.expected], environment: env)
        let oneLines = one.out.split(separator: "\n").filter { $0.hasPrefix("::") }
        #expect(oneLines.count == 1)
        #expect(
            oneLines.first?.hasPrefix(
                "::error file=\(GitHubAnnotation.escapeProperty(t.fixturePath("article-00"))),line=\(line),") == true,
            "\(oneLines)")
        #expect(one.out.hasSuffix("11 passed, 1 failed\n"), "annotations come before the summary line")
        #expect(!tool(["check", t.corpus, t.expected]).out.contains("::error"), "only under GITHUB_ACTIONS=true")

        for i in 1..<12 { try t.breakKind("article-\(i < 10 ? "0" : "")\(i)") }
        let all = tool(["check", t.corpus, t.expected], environment: env)
        let lines = all.out.split(separator: "\n").filter { $0.hasPrefix("::") }
        #expect(lines.count == 10)
        #expect(lines.last?.contains("3 more files failed") == true, "\(lines.last ?? "")")
        #expect(Set(lines.dropLast().map { $0.split(separator: ",").first ?? "" }).count == 9, "one per file")
        // With --format json the annotations go to standard error; standard output stays JSON.
        let json = tool(["check", t.corpus, t.expected, "--format", "json"], environment: env)
        #expect(json.err.split(separator: "\n").filter { $0.hasPrefix("::error") }.count == 10)
        #expect((try? JSONSerialization.jsonObject(with: Data(json.out.utf8))) != nil)
    }

    // MARK: Output

    @Test func colourFollowsOptionTerminalAndNO_COLOR() throws {
        let t = try TemporaryCorpus()
        let esc = "\u{1B}["
        #expect(tool(["check", t.corpus, t.expected, "--color", "always"]).out.contains(esc))
        #expect(!tool(["check", t.corpus, t.expected, "--color", "never"], terminal: true).out.contains(esc))
        #expect(!tool(["check", t.corpus, t.expected]).out.contains(esc), "auto: not a terminal")
        #expect(tool(["check", t.corpus, t.expected], terminal: true).out.contains(esc), "auto: a terminal")
        #expect(
            !tool(["check", t.corpus, t.expected], environment: ["NO_COLOR": "1"], terminal: true).out.contains(esc))
        #expect(
            tool(["check", t.corpus, t.expected], environment: ["NO_COLOR": ""], terminal: true).out.contains(esc),
            "an empty NO_COLOR does not count")
        #expect(
            tool(["check", t.corpus, t.expected, "--color", "always"], environment: ["NO_COLOR": "1"]).out.contains(
                esc),
            "an explicit --color always wins")
    }

    @Test func diffLinesNameClaimFieldValuesAndFixtureLine() throws {
        let t = try TemporaryCorpus()
        try t.recordAll()
        let line = try t.breakKind("harbour")
        let fixture = try Fixture.parse(Array(try t.read(t.fixturePath("harbour")).utf8), path: "x")
        let claim = fixture.claims[0]
        guard case .string(let id)? = claim.json["id"], case .string(let wrong)? = claim.json["kind"] else {
            Issue.record("no id or kind in the recorded fixture")
            return
        }
        let r = tool(["check", t.corpus, t.expected, "--filter", "harbour"])
        let firstWords = claim.text.split(separator: " ").prefix(3).joined(separator: " ")
        let lines = r.out.split(separator: "\n").map(String.init)
        let at = try #require(lines.firstIndex { $0.contains(id) && $0.contains("kind") })
        #expect(lines[at].contains(firstWords))
        #expect(lines[at + 1].contains("expected: \"\(wrong)\""))
        #expect(lines[at + 1].contains("\(t.fixturePath("harbour")):\(line):"))
        #expect(lines[at + 2].contains("actual:"))
        #expect(lines.last == "0 passed, 1 failed")
    }
}
