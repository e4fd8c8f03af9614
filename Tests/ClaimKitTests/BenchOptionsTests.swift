import Foundation
import Testing

/// `claimcheck-bench`'s options, run as the built binary (its options are parsed in its
/// main.swift): usage errors, and the pathological header for the sizes given.
@Suite struct BenchOptionsTests {
    func bench(_ args: [String]) throws -> ProcessResult { try runBuilt(Package.bench, args) }

    @Test(arguments: [
        (
            ["--path-sizes", "10,1"],
            "claimcheck-bench: --path-sizes takes two sizes in MB, the smaller first, e.g. 1,10; got '10,1'"
        ),
        (
            ["--path-sizes", "2,2"],
            "claimcheck-bench: --path-sizes takes two sizes in MB, the smaller first, e.g. 1,10; got '2,2'"
        ),
        (
            ["--path-sizes", "1,5,10"],
            "claimcheck-bench: --path-sizes takes two sizes in MB, the smaller first, e.g. 1,10; got '1,5,10'"
        ),
        (["--repeat", "0"], "claimcheck-bench: --repeat needs a whole number of at least 1, got '0'"),
        (["--repeat", "-3"], "claimcheck-bench: --repeat needs a whole number of at least 1, got '-3'"),
    ])
    func usageErrors(_ args: [String], _ message: String) throws {
        // With nothing to run, so that an option wrongly accepted cannot start a long benchmark.
        let r = try bench(args + ["--no-corpus", "--no-pathological"])
        #expect(r.status == 64, "\(args): \(r.err)")
        #expect(r.out.isEmpty)
        #expect(r.err == message + "\n")
    }

    /// The header names the sizes given and the bounds of "within 20%" of their ratio.
    @Test func pathologicalHeaderNamesTheSizesGiven() throws {
        let r = try bench(["--no-corpus", "--path-sizes", "0.002,0.006"])
        #expect(r.err.isEmpty, "\(r.err)")
        #expect(r.out.contains("\npathological inputs: time(0.006 MB) / time(0.002 MB) in CPU time"), "\(r.out)")
        #expect(r.out.contains("\nlinear when within 20% of 3 (2.4-3.6 for 0.002 and 0.006 MB);"), "\(r.out)")
        #expect(!r.out.contains("8-12"))
    }
}
