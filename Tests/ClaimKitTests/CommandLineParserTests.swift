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

    @Test(arguments: [
        ["frobnicate"], ["list"], ["list", "--format", "xml", "a"], ["list", "--format"], ["diff"],
        ["diff", "a", "b", "c"], ["check", "a", "b", "c"], ["list", "--nope", "a"],
    ])
    func usageErrors(_ args: [String]) {
        #expect(throws: UsageError.self) { try CommandLineParser.parse(args) }
    }
}
