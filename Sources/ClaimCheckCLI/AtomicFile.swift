import ClaimKit
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Atomic file writes: a temporary file in the same folder, flushed to disk, then
/// renamed over the target. A reader sees the old file or the new one, never a part;
/// a failed write leaves the target as it was and no temporary file behind.
///
/// Written by hand rather than with `Data.write(options: .atomic)` so that the
/// temporary file is certain to be in the target's folder (rename(2) is atomic only
/// within one file system) and its name is known to tests.
enum AtomicFile {
    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): cannot write (\(reason))" }
    }

    /// The temporary file name used for `path`: `.NAME.RANDOM.tmp` in the same folder.
    static func temporaryPath(for path: String) -> String {
        let folder = FilePath.directory(path)
        let name = FilePath.name(path)
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        return FilePath.join(folder, ".\(name).\(random).tmp")
    }

    /// Writes `bytes` to `path` atomically (new files get mode 0666 less the umask).
    ///
    /// - Throws: ``WriteError`` naming the path and the system's reason.
    static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
        var temporary = ""
        var fd: Int32 = -1
        for _ in 0..<8 {
            temporary = temporaryPath(for: path)
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        func fail(_ code: Int32) -> WriteError {
            close(fd)
            unlink(temporary)
            return WriteError(path: path, reason: String(cString: strerror(code)))
        }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                systemWrite(fd, buffer.baseAddress! + written, bytes.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail(errno)
            }
            written += n
        }
        if fsync(fd) != 0 { throw fail(errno) }
        if close(fd) != 0 {
            let code = errno
            unlink(temporary)
            throw WriteError(path: path, reason: String(cString: strerror(code)))
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw WriteError(path: path, reason: String(cString: strerror(code)))
        }
    }

    static func write(_ text: String, to path: String) throws(WriteError) {
        try write(Array(text.utf8), to: path)
    }
}

/// write(2), named apart from the `write` functions above.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(fd, buffer, count)
    #elseif canImport(Musl)
        return Musl.write(fd, buffer, count)
    #else
        return Darwin.write(fd, buffer, count)
    #endif
}

/// Shell-style patterns for `--filter`: `*`, `?` and `[…]`, as fnmatch(3) reads them.
enum Glob {
    static func matches(_ pattern: String, _ name: String) -> Bool {
        fnmatch(pattern, name, 0) == 0
    }

    /// Whether an article passes the filters: no filters, or one matching its name
    /// (`turkey-*`) or its file name (`turkey-*.txt`).
    static func selects(_ filters: [String], article name: String) -> Bool {
        filters.isEmpty || filters.contains { matches($0, name) || matches($0, name + ".txt") }
    }
}
