import Foundation

/// Runs another extractor (the spaCy + textacy peer, scripts/peer_textacy.py, or any
/// command) on the same articles, for a ratio measured in the same run.
///
/// The command runs under `/bin/sh -c` with these placeholders replaced:
///
/// - `{corpus}`: a folder holding the articles as `NAME.txt`, each with an empty
///   `NAME.ann` beside it (the brat layout peer_textacy.py reads);
/// - `{out}`: an empty folder for whatever the peer writes;
/// - `{stats}`: a path where the peer may write JSON with `"seconds"`, its own
///   processing time without start-up (peer_textacy.py's `--stats` does);
/// - `{}`: one file holding all the articles, separated by blank lines (also on stdin).
///
/// Its standard output is discarded. Without `{stats}` JSON the peer's time is its
/// wall time minus that of a second run on one paragraph (its start-up: loading a model).
enum Peer {
    struct Result {
        var command: String
        var articles: Int
        var bytes: Int
        /// The peer's processing time for the articles, start-up excluded.
        var seconds: Double
        /// How `seconds` was obtained.
        var method: String
        var wallSeconds: Double
    }

    static func run(_ command: String, articles: [[UInt8]], paragraph: [UInt8]) throws -> Result {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("claimcheck-bench-peer-\(getpid())")
        try? FileManager.default.removeItem(at: root)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }

        /// Runs the command on `texts`; returns (wall seconds, seconds from {stats} if any).
        func time(_ texts: [[UInt8]], _ name: String) throws -> (wall: Double, reported: Double?) {
            let dir = root.appendingPathComponent(name)
            let corpus = dir.appendingPathComponent("corpus")
            let out = dir.appendingPathComponent("out")
            let stats = dir.appendingPathComponent("stats.json")
            let all = dir.appendingPathComponent("all.txt")
            try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            var joined: [UInt8] = []
            for (k, text) in texts.enumerated() {
                let base = String(format: "a%06d", k)
                try Data(text).write(to: corpus.appendingPathComponent(base + ".txt"))
                try Data().write(to: corpus.appendingPathComponent(base + ".ann"))
                if !joined.isEmpty { joined.append(contentsOf: [0x0A, 0x0A]) }
                joined.append(contentsOf: text)
            }
            try Data(joined).write(to: all)
            let expanded =
                command
                .replacingOccurrences(of: "{corpus}", with: shellQuoted(corpus.path))
                .replacingOccurrences(of: "{out}", with: shellQuoted(out.path))
                .replacingOccurrences(of: "{stats}", with: shellQuoted(stats.path))
                .replacingOccurrences(of: "{}", with: shellQuoted(all.path))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", expanded]
            process.standardInput = try FileHandle(forReadingFrom: all)
            process.standardOutput = FileHandle.nullDevice
            let t0 = now()
            try process.run()
            process.waitUntilExit()
            let wall = now() - t0
            guard process.terminationStatus == 0 else {
                throw BenchError("peer command exited with status \(process.terminationStatus): \(expanded)")
            }
            var reported: Double? = nil
            if let data = FileManager.default.contents(atPath: stats.path),
                let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let seconds = (json["seconds"] as? NSNumber)?.doubleValue
            {
                reported = seconds
            }
            return (wall, reported)
        }

        let bytes = articles.reduce(0) { $0 + $1.count }
        let full = try time(articles, "sample")
        if let seconds = full.reported {
            return Result(
                command: command, articles: articles.count, bytes: bytes, seconds: seconds,
                method: "the peer's own timing ({stats} \"seconds\": model load not counted)", wallSeconds: full.wall)
        }
        let startup = try time([paragraph], "paragraph")
        return Result(
            command: command, articles: articles.count, bytes: bytes, seconds: max(1e-9, full.wall - startup.wall),
            method: "wall time minus a run on one paragraph (start-up)", wallSeconds: full.wall)
    }

    static func shellQuoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
