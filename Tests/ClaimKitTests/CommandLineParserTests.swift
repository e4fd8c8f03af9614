import ClaimCheckCLI
import Testing

@Suite struct CommandLineParserTests {
    @Test func noArgumentsShowsHelp() throws {
        #expect(try CommandLineParser.parse([]) == .help(topic: nil))
        #expect(try CommandLineParser.parse(["--help"]) == .help(topic: nil))
        #expect(try CommandLineParser.parse(["help", "check"]) == .help(topic: "check"))
        #expect(try CommandLineParser.parse(["help", "--help"]) == .help(topic: nil), "help --help is the overview")
        #expect(throws: UsageError.self, "stdin read twice") { try CommandLineParser.parse(["list", "-", "-"]) }
        #expect(throws: UsageError.self, "diff - has no file name to find its fixture by") {
            try CommandLineParser.parse(["diff", "-"])
        }
        #expect(try CommandLineParser.parse(["list", "--help"]) == .help(topic: "list"))
    }

    @Test func listOptions() throws {
        var expected = ListOptions()
        expected.files = ["a.txt", "-"]
        expected.format = .json
        #expect(try CommandLineParser.parse(["list", "a.txt", "--format", "json", "-"]) == .list(expected))
        #expect(try CommandLineParser.parse(["list", "--format=json", "a.txt", "-"]) == .list(expected))
    }

    @Test func diffDefaultsAndCheckDefaults() throws {
        var diff = DiffOptions()
        diff.article = "Corpus/x.txt"
        #expect(try CommandLineParser.parse(["diff", "Corpus/x.txt"]) == .diff(diff))
        #expect(try CommandLineParser.parse(["check"]) == .check(CheckOptions()))
        var check = CheckOptions()
        check.corpus = "C"
        check.expected = "E"
        #expect(try CommandLineParser.parse(["check", "C", "E"]) == .check(check))
    }

    /// A one-letter option takes its value attached (`-j2`, as getopt(3) reads it), as a
    /// long one takes it after `=` (`--jobs=2`).
    @Test func shortOptionsTakeAnAttachedValue() throws {
        var check = CheckOptions()
        check.jobs = 2
        for args in [["check", "-j", "2"], ["check", "-j2"], ["check", "--jobs=2"], ["check", "--jobs", "2"]] {
            #expect(try CommandLineParser.parse(args) == .check(check), "\(args)")
        }
        check.format = .json
        #expect(try CommandLineParser.parse(["check", "-fjson", "-j2"]) == .check(check))
        var list = ListOptions()
        list.input = .jsonl
        list.format = .jsonl
        list.files = ["a.jsonl"]
        list.jobs = 12
        #expect(try CommandLineParser.parse(["list", "--input", "jsonl", "-j12", "a.jsonl"]) == .list(list))
        var render = RenderOptions()
        render.article = "a.txt"
        render.output = "a.html"
        #expect(try CommandLineParser.parse(["render", "a.txt", "-oa.html"]) == .render(render))
        // The attached value is checked like a separate one; a flag takes nothing attached.
        #expect(usageError(["check", "-j0"]) == "--jobs needs a whole number of at least 1, got '0'")
        #expect(usageError(["check", "-qx"]) == "unknown option '-qx'")
        #expect(usageError(["list", "a.txt", "-x1"]) == "unknown option '-x1'")
    }

    @Test(arguments: [
        ["frobnicate"], ["list"], ["list", "--format", "xml", "a"], ["list", "--format"], ["diff"],
        ["diff", "a", "b", "c"], ["check", "a", "b", "c"], ["list", "--nope", "a"],
    ])
    func usageErrors(_ args: [String]) {
        #expect(throws: UsageError.self) { try CommandLineParser.parse(args) }
    }

    /// The message of the usage error `args` give, or nil when they parse.
    func usageError(_ args: [String]) -> String? {
        do {
            _ = try CommandLineParser.parse(args)
            return nil
        } catch {
            return error.message
        }
    }
}
