import ClaimKit
import ClaimKitTesting
import Foundation
import Testing

/// The ClaimKitTesting helper: failures are test issues located in the fixture file.
@Suite struct GoldenTestHelperTests {
    @Test func findsThePackageRoot() {
        #expect(GoldenTest.packageRoot(from: #filePath) == Package.root.path)
        #expect(GoldenTest().root == Package.root.path)
        #expect(GoldenTest().articles == Package.articles)
    }

    @Test func passingCorpusRecordsNothing() throws {
        let t = try TemporaryCorpus()
        try t.recordAll()
        let golden = GoldenTest(corpus: t.corpus, expected: t.expected)
        #expect(golden.articles == ["harbour", "library"])
        #expect(golden.expectMatch("harbour"))
        #expect(golden.expectAllMatch())
    }

    @Test func differenceIsAnIssueAtTheFixtureLine() throws {
        let t = try TemporaryCorpus()
        try t.recordAll()
        let line = try t.breakKind("harbour")
        let fixturePath = t.fixturePath("harbour")
        let golden = GoldenTest(corpus: "Corpus", expected: "Expected", root: t.root.path)
        withKnownIssue {
            #expect(!golden.expectMatch("harbour"))
        } matching: { issue in
            let text = issue.comments.map(\.rawValue).joined()
            return issue.sourceLocation?.fileName == "harbour.json" && issue.sourceLocation?.line == line
                && issue.sourceLocation?.filePath == fixturePath
                && text.hasPrefix("harbour: kind of “")
                && text.hasSuffix("(Expected/harbour.json:\(line):\(issue.sourceLocation?.column ?? 0))")
        }
    }

    @Test func missingUnreferencedAndMalformedFixturesAreIssues() throws {
        let t = try TemporaryCorpus()
        try t.recordAll()
        try FileManager.default.moveItem(atPath: t.fixturePath("library"), toPath: t.fixturePath("old-name"))
        let golden = GoldenTest(corpus: "Corpus", expected: "Expected", root: t.root.path)
        withKnownIssue {
            #expect(!golden.expectAllMatch())
        } matching: { issue in
            let text = issue.comments.map(\.rawValue).joined()
            return text == "Corpus/library.txt has no fixture Expected/library.json"
                || (text == "unreferenced fixture Expected/old-name.json: no article Corpus/old-name.txt"
                    && issue.sourceLocation?.fileName == "old-name.json" && issue.sourceLocation?.line == 1)
        }
        try t.write("{\n  \"schemaVersion\": 1,\n  \"claims\": {}\n}\n", to: t.fixturePath("library"))
        withKnownIssue {
            #expect(!golden.expectMatch("library"))
        } matching: { issue in
            issue.sourceLocation?.fileName == "library.json" && issue.sourceLocation?.line == 3
                && issue.sourceLocation?.column == 13
                && issue.comments.map(\.rawValue).joined()
                    == "Expected/library.json:3:13: expected \"claims\" to be an array"
        }
    }

    @Test func emptyCorpusIsAnIssue() throws {
        let t = try TemporaryCorpus(articles: [:])
        withKnownIssue {
            #expect(!GoldenTest(corpus: t.corpus, expected: t.expected).expectAllMatch())
        } matching: { issue in
            issue.comments.map(\.rawValue).joined().hasPrefix("no articles")
        }
    }
}
