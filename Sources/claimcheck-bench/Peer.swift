import Foundation

/// Runs another extractor (the spaCy + textacy peer of scripts/peer_textacy.py, or any
/// command) on the same text, for a ratio measured in the same run.
///
/// The command runs under `/bin/sh -c`; the text is on its standard input and, where
/// the command holds `{}`, that is replaced by the path of a file holding the text. Its
/// output is discarded. It runs twice, on one paragraph and on the sample, so that its
/// start-up (loading a model) can be taken out: throughput = (sample − paragraph) bytes
/// ÷ (sample − paragraph) seconds.
enum Peer {
    struct Result {
        var command: String
        var sampleBytes: Int
        var sampleSeconds: Double
        var startupBytes: Int
        var startupSeconds: Double
        /// Bytes per second with start-up taken out.
        var bytesPerSecond: Double {
            Double(sampleBytes - startupBytes) / max(1e-9, sampleSeconds - startupSeconds)
        }
    }

    static func run(_ command: String, sample: [UInt8], paragraph: [UInt8]) throws -> Result {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("claimcheck-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func time(_ bytes: [UInt8], _ name: String) throws -> Double {
            let file = dir.appendingPathComponent(name)
            try Data(bytes).write(to: file, options: .atomic)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", command.replacingOccurrences(of: "{}", with: shellQuoted(file.path))]
            process.standardInput = try FileHandle(forReadingFrom: file)
            process.standardOutput = FileHandle.nullDevice
            let t0 = now()
            try process.run()
            process.waitUntilExit()
            let seconds = now() - t0
            guard process.terminationStatus == 0 else {
                throw BenchError("peer command exited with status \(process.terminationStatus): \(command)")
            }
            return seconds
        }
        let startup = try time(paragraph, "paragraph.txt")
        let full = try time(sample, "sample.txt")
        return Result(
            command: command, sampleBytes: sample.count, sampleSeconds: full, startupBytes: paragraph.count,
            startupSeconds: startup)
    }

    static func shellQuoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
