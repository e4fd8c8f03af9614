import ClaimKit
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Fixtures are never lost: writes are atomic, names cannot escape their folder.
@Suite struct FixtureWriterTests {
    @Test func writesAndReplacesLeavingNoTemporaryFile() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let url = try FixtureWriter.url(forFixture: "rail-fares-rise.json", in: dir.url)
        try FixtureWriter.write("{\"schemaVersion\": 1, \"claims\": []}\n", to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "{\"schemaVersion\": 1, \"claims\": []}\n")
        try FixtureWriter.write("second ✓\n", to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "second ✓\n")
        try FixtureWriter.write("", to: url)
        #expect(try Data(contentsOf: url).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["rail-fares-rise.json"])
    }

    @Test(arguments: [
        ("", "the name is empty"),
        ("..", "it contains \"..\""),
        ("../outside.json", "it contains \"..\""),
        ("a..b.json", "it contains \"..\""),
        ("/etc/passwd", "it is an absolute path"),
        ("sub/x.json", "it contains a path separator"),
        ("sub\\x.json", "it contains a path separator"),
        (".", "it names the folder itself"),
        ("x\u{0}.json", "it contains a control character"),
        ("x\n.json", "it contains a control character"),
        (String(repeating: "é", count: 128) + ".json", "it is longer than 255 bytes"),
    ])
    func refusesNamesThatLeaveTheFolder(_ name: String, _ reason: String) throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        #expect(throws: FixtureWriter.Problem.unsafeName(name: name, reason: reason)) {
            try FixtureWriter.url(forFixture: name, in: dir.url)
        }
        #expect(FixtureWriter.unsafeNameReason(name) == reason)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path).isEmpty)
    }

    @Test func acceptsPlainNames() throws {
        for name in ["rail-fares-rise.json", "zoë-ångström.json", "a.b.json", "2024 report.json", ".hidden.json"] {
            #expect(FixtureWriter.unsafeNameReason(name) == nil, "\(name)")
        }
    }

    @Test func refusesAPathWithDotDot() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        let sneaky = URL(fileURLWithPath: dir.url.path + "/sub/../x.json")
        #expect(throws: FixtureWriter.Problem.self) { try FixtureWriter.write("x", to: sneaky) }
        #expect(!FileManager.default.fileExists(atPath: dir.path("x.json")))
    }

    @Test func failureLeavesTheOldFileAndNoTemporaryFile() throws {
        let dir = try TempFolder()
        defer { dir.remove() }
        // The target is a folder: rename(2) fails; nothing else changes.
        let folder = dir.url.appendingPathComponent("taken.json")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        #expect(throws: FixtureWriter.Problem.self) { try FixtureWriter.write("new", to: folder) }
        do {
            try FixtureWriter.write("new", to: folder)
        } catch {
            #expect("\(error)".hasPrefix("\(folder.path): cannot write the fixture ("), "\(error)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["taken.json"])
        // A missing folder.
        let missing = dir.url.appendingPathComponent("no/such/folder/x.json")
        #expect(throws: FixtureWriter.Problem.cannotWrite(path: missing.path, reason: "No such file or directory")) {
            try FixtureWriter.write("x", to: missing)
        }
    }

    /// Kills a process that loops writing two large fixtures at random moments; the file
    /// is always the old text or one of the new ones, whole. The control run, with a
    /// plain truncate-and-write, shows that the check does catch a torn file.
    @Test func killedMidWriteLeavesOldOrNewWhole() throws {
        let helper = Package.claimcheck.deletingLastPathComponent().appendingPathComponent("FixtureWriteLoop")
        try #require(
            FileManager.default.isExecutableFile(atPath: helper.path), "build the FixtureWriteLoop target (swift build)"
        )
        let dir = try TempFolder("fixture-kill")
        defer { dir.remove() }
        // Two large texts that differ everywhere, and an old one.
        let a = String(repeating: "{\"text\": \"alpha claim\", \"kind\": \"direct\"},\n", count: 60_000)
        let b = String(repeating: "{\"text\": \"bravo claim\", \"kind\": \"mixed\"},\n", count: 60_000)
        let old = "{\"schemaVersion\": 1, \"claims\": []}\n"
        let aPath = try dir.file("a.txt", a)
        let bPath = try dir.file("b.txt", b)
        let target = dir.path("fixture.json")
        let wholes = [Data(old.utf8), Data(a.utf8), Data(b.utf8)]
        var rng = SplitMix64(seed: 0xF1C5_0001)

        /// Runs the helper for a random moment, kills it, returns what the file holds.
        func killRun(_ mode: String) throws -> Data {
            try Data(old.utf8).write(to: URL(fileURLWithPath: target))
            let process = Process()
            process.executableURL = helper
            process.arguments = [mode, target, aPath, bPath]
            try process.run()
            usleep(UInt32.random(in: 20_000..<120_000, using: &rng))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(
                process.terminationReason == .uncaughtSignal,
                "\(mode): the helper stopped by itself (status \(process.terminationStatus))")
            return try Data(contentsOf: URL(fileURLWithPath: target))
        }

        let clock = ContinuousClock()
        let started = clock.now
        var sawNew = 0
        for i in 0..<16 {
            let found = try killRun("atomic")
            #expect(wholes.contains(found), "kill \(i): the fixture is torn (\(found.count) bytes)")
            if found != wholes[0] { sawNew += 1 }
        }
        #expect(sawNew > 0, "no kill landed after a write: the test exercised nothing")

        var sawTorn = false
        for _ in 0..<8 where !sawTorn {
            if !wholes.contains(try killRun("plain")) { sawTorn = true }
        }
        #expect(sawTorn, "the control never tore a file: the kill test cannot see a torn write")
        // Stray temporary files are possible after a kill; never the fixture's name.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.url.path)
            .filter { !["a.txt", "b.txt", "fixture.json"].contains($0) }
        #expect(left.allSatisfy { $0.hasPrefix(".claimcheck-") && $0.hasSuffix(".tmp") }, "\(left)")
        #expect(clock.now - started < .seconds(20))
    }
}
