// libFuzzer entry point for ClaimKit: built by scripts/fuzz.sh together with every file
// of Sources/ClaimKit into one module (no `import ClaimKit`), with
// `swiftc -sanitize=fuzzer,address -parse-as-library`.
//
// Each input is used twice: as an article (read, extracted, written as JSON and as a
// fixture, read back, compared) and as a fixture (parsed, validated, compared with the
// article's claims). Beyond "no crash", the target checks the invariants the tests
// state, and traps when one fails, so that libFuzzer records the input:
//   - every span lies in the input and slices it to exactly the text it carries;
//   - extraction is deterministic;
//   - `ClaimJSON.claim(from:)` reads back what `ClaimJSON.value` wrote;
//   - a fixture written from the claims parses, and diffs clean against them.

import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func claimKitFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data!, count: size))
    FuzzTarget.run(bytes)
    return 0
}

enum FuzzTarget {
    static let extractor = ClaimExtractor()

    static func run(_ bytes: [UInt8]) {
        // The reader: strict fails only with a Problem; lossy yields valid UTF-8.
        do { _ = try ArticleReader.check(bytes, path: "fuzz.txt") } catch { _ = String(describing: error) }
        if let repaired = try? ArticleReader.check(bytes, path: "fuzz.txt", lossy: true) {
            require(ArticleReader.firstInvalidUTF8(repaired.bytes) == nil, "lossy reading left invalid UTF-8")
        }
        // The extractor, on valid UTF-8 (NUL bytes included: the library API takes them).
        let text = Array(String(decoding: bytes, as: UTF8.self).utf8)
        let extraction = extractor.extract(utf8: text)
        checkSpans(extraction, text)
        require(extractor.extract(utf8: text) == extraction, "extraction is not deterministic")
        // Invalid UTF-8 given straight to the extractor: no crash, spans in range.
        if text != bytes {
            let raw = extractor.extract(utf8: bytes)
            for claim in raw.claims { require(claim.span.end <= bytes.count, "span beyond raw input") }
        }
        // JSON round trip of every claim.
        for claim in extraction.claims {
            var parser = JSONParser(ClaimJSON.value(claim, includeRules: true).serialized())
            guard let back = try? parser.parse() else { fail("list JSON does not parse back") }
            guard let decoded = try? ClaimJSON.claim(from: back) else { fail("list JSON does not decode back") }
            require(decoded == claim, "list JSON decodes to a different claim")
        }
        // A fixture written from the claims is valid and diffs clean.
        let written = ClaimJSON.fixture(article: "fuzz.txt", claims: extraction.claims)
        guard let own = try? Fixture.parse(Array(written.utf8), path: "own.json") else {
            fail("own fixture is invalid")
        }
        guard let report = try? ClaimComparison().compare(extraction.claims, with: own, articleLength: text.count)
        else {
            fail("own fixture's spans are out of range")
        }
        require(report.passed, "claims differ from their own fixture")
        // The quick reader (`check`'s passing path) passes only what the full comparison
        // passes, with the same counts: on the claims' own fixture and on the input.
        quickAgrees(extraction.claims, Array(written.utf8), text.count, report)
        quickAgrees(extraction.claims, bytes, text.count, nil)
        // The input as a fixture.
        do {
            let fixture = try Fixture.parse(bytes, path: "fuzz.json")
            for tolerance in [0.8, 0.3] {
                if let r = try? ClaimComparison(tolerance: tolerance).compare(
                    extraction.claims, with: fixture, articleLength: text.count)
                {
                    for d in r.differences { _ = d.location }
                }
            }
        } catch {
            _ = String(describing: error)
        }
    }

    static func quickAgrees(_ claims: [Claim], _ fixture: [UInt8], _ length: Int, _ full: ComparisonReport?) {
        var q = QuickComparison()
        let quick = fixture.withUnsafeBufferPointer {
            q.report(claims, fixture: $0, articleLength: length, ignored: 0)
        }
        guard let quick else { return }
        let expected: ComparisonReport
        if let full {
            expected = full
        } else {
            guard let f = try? Fixture.parse(fixture, path: "q.json"),
                let r = try? ClaimComparison().compare(claims, with: f, articleLength: length)
            else { fail("the quick reader passes a fixture the full reader refuses") }
            expected = r
        }
        require(expected.passed, "the quick reader passes claims the full comparison fails")
        require(
            quick.truePositives == expected.truePositives && quick.falsePositives == expected.falsePositives
                && quick.falseNegatives == expected.falseNegatives && quick.fields == expected.fields
                && quick.fieldPR == expected.fieldPR,
            "the quick reader's counts differ from the full comparison's")
    }

    static func checkSpans(_ extraction: Extraction, _ bytes: [UInt8]) {
        func check(_ span: Span, _ text: String, _ what: String) {
            require(
                span.start >= 0 && span.start <= span.end && span.end <= bytes.count,
                "\(what) span \(span) out of range")
            require(
                String(decoding: bytes[span.start..<span.end], as: UTF8.self) == text,
                "\(what) text is not its span's slice")
            // Spans start and end on character (scalar) boundaries, never inside a UTF-8 sequence.
            require(
                span.start == bytes.count || bytes[span.start] & 0xC0 != 0x80, "\(what) span starts inside a character")
            require(span.end == bytes.count || bytes[span.end] & 0xC0 != 0x80, "\(what) span ends inside a character")
        }
        var previous: Span? = nil
        for claim in extraction.claims {
            check(claim.span, claim.text, "claim")
            if let p = previous { require(!(claim.span < p), "claims not in article order") }
            previous = claim.span
            for q in claim.quotes { check(q.span, q.text, "quote") }
            if let a = claim.attribution {
                for hop in a.chain {
                    check(hop.source.span, hop.source.text, "source")
                    check(hop.cue.span, hop.cue.text, "cue")
                    if let t = hop.time { check(t.span, t.text, "time") }
                }
            }
        }
        for issue in extraction.issues { require(issue.span.end <= bytes.count, "issue span out of range") }
    }

    static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fail(message()) }
    }

    static func fail(_ message: String) -> Never {
        fatalError("ClaimKit invariant broken: \(message)")
    }
}
