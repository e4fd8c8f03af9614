import ClaimCheckCLI
import Foundation
import Testing

/// `render`, `check --report` and `list --format jsonld` from the command line.
@Suite struct RenderCommandTests {
    let tool = EndToEndTests()

    @Test func parsesRenderAndReports() throws {
        var render = RenderOptions()
        render.article = "a.txt"
        render.output = "v.html"
        #expect(try CommandLineParser.parse(["render", "a.txt", "-o", "v.html"]) == .render(render))
        #expect(try CommandLineParser.parse(["render", "--output=v.html", "a.txt"]) == .render(render))
        #expect(try CommandLineParser.parse(["render", "--help"]) == .help(topic: "render"))
        var check = CheckOptions()
        check.reports = [ReportRequest(kind: .html, path: "r.html"), ReportRequest(kind: .html, path: "b=c.html")]
        #expect(
            try CommandLineParser.parse(["check", "--report", "html=r.html", "--report=html=b=c.html"]) == .check(check)
        )
        var list = ListOptions()
        list.files = ["a.txt"]
        list.format = .jsonld
        list.url = "https://example.org/a"
        #expect(
            try CommandLineParser.parse(["list", "a.txt", "--format", "jsonld", "--url", "https://example.org/a"])
                == .list(list))
    }

    @Test(arguments: [
        ["render"], ["render", "a", "b"], ["render", "a", "-o"], ["check", "--report", "html"],
        ["check", "--report", "xml=r.xml"], ["check", "--report", "=r.html"], ["check", "--report", "html="],
        ["list", "a", "--url", "https://example.org"], ["list", "a", "b", "--format", "jsonld", "--url", "u"],
        ["diff", "a", "--format", "jsonld"], ["check", "--format", "jsonld"],
    ])
    func usageErrors(_ args: [String]) {
        #expect(throws: UsageError.self) { try CommandLineParser.parse(args) }
    }

    @Test func renderWritesAPageToStandardOutputOrAFile() throws {
        let r = try tool.run(["render", "Corpus/turkey-libya-security-deal.txt"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasPrefix("<!DOCTYPE html>"))
        #expect(r.out.components(separatedBy: "<mark class=\"claim").count - 1 == 18)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "claimcheck-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("view.html")
        let w = try tool.run(["render", "Corpus/turkey-libya-security-deal.txt", "-o", file.path])
        #expect(w.status == 0)
        #expect(w.out.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8) == r.out)
        let bad = try tool.run([
            "render", "Corpus/turkey-libya-security-deal.txt", "-o",
            dir.appendingPathComponent("no/such/dir/v.html").path,
        ])
        #expect(bad.status == 2)
        #expect(bad.err.contains("cannot write"))
    }

    @Test func renderReadsStandardInputAndEscapesIt() throws {
        let r = try tool.run(
            ["render", "-"],
            stdin:
                "The mayor said the bridge would reopen.\n\nA note: <script>alert(1)</script> \"><img src=x onerror=alert(1)> here."
        )
        #expect(r.status == 0)
        #expect(!r.out.lowercased().contains("<script"))
        #expect(!r.out.contains("onerror="))
        #expect(r.out.contains("<title>standard input</title>"))
        #expect(r.out.contains("data-source=\"mayor\""))
    }

    @Test func checkWritesAnHTMLReport() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "claimcheck-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("Corpus")
        let expected = dir.appendingPathComponent("Expected")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: expected, withIntermediateDirectories: true)
        let name = "turkey-libya-security-deal"
        try FileManager.default.copyItem(
            at: Package.corpus.appendingPathComponent(name + ".txt"), to: corpus.appendingPathComponent(name + ".txt"))
        try FileManager.default.copyItem(
            at: Package.expected.appendingPathComponent(name + ".json"),
            to: expected.appendingPathComponent(name + ".json"))
        try "Nobody said anything.".write(
            to: corpus.appendingPathComponent("orphan.txt"), atomically: true, encoding: .utf8)
        let report = dir.appendingPathComponent("report.html")
        let r = try tool.run(["check", corpus.path, expected.path, "--report", "html=\(report.path)"])
        #expect(r.status == 1, "the orphan has no fixture")
        let html = try String(contentsOf: report, encoding: .utf8)
        #expect(html.contains("1 passed, 1 failed"))
        #expect(html.contains("no fixture"))
        #expect(html.contains("href=\"#article-2-turkey-libya-security-deal\""))
        #expect(html.contains("id=\"article-2-turkey-libya-security-deal\""))
        #expect(html.components(separatedBy: "<mark class=\"claim").count - 1 == 18)
    }

    @Test func listWritesJSONLD() throws {
        let r = try tool.run([
            "list", "Corpus/turkey-libya-security-deal.txt", "--format", "jsonld", "--url",
            "https://example.org/turkey",
        ])
        #expect(r.status == 0, "\(r.err)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(doc["@context"] as? String == "https://schema.org")
        let graph = try #require(doc["@graph"] as? [[String: Any]])
        #expect(graph.count == 12)
        #expect(
            graph.allSatisfy { ($0["appearance"] as? [String: Any])?["url"] as? String == "https://example.org/turkey" }
        )
        let two = try tool.run([
            "list", "Corpus/turkey-libya-security-deal.txt", "Corpus/rail-fares-rise.txt", "--format", "jsonld",
        ])
        let docs = try #require(try JSONSerialization.jsonObject(with: Data(two.out.utf8)) as? [[String: Any]])
        #expect(docs.count == 2)
        #expect(docs.allSatisfy { $0["@context"] as? String == "https://schema.org" })
    }
}
