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

    /// The temporary file name used for `path`: `.NAME.RANDOM.tmp` in the same folder,
    /// NAME cut to its first 200 bytes (whole characters) so that a target name of up to
    /// 255 bytes, the usual limit, still has a temporary name within it.
    static func temporaryPath(for path: String) -> String {
        let folder = FilePath.directory(path)
        var name = FilePath.name(path)
        while name.utf8.count > 200 { name.removeLast() }
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        return FilePath.join(folder, ".\(name).\(random).tmp")
    }

    /// Writes `bytes` to `path` atomically (new files get mode 0666 less the umask).
    ///
    /// A symbolic link is followed: the file it names is replaced and the link kept. A
    /// path that names something other than a regular file (`/dev/stdout`, `/dev/null`,
    /// a terminal, a FIFO) is written through instead, since renaming over it would put
    /// a plain file where the device or pipe was; such a write is not atomic.
    ///
    /// - Throws: ``WriteError`` naming the path and the system's reason.
    static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
        var target = path
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                // A dangling link: create the file it names.
                return try writeThrough(bytes, to: path, flags: O_CREAT)
            }
            target = String(cString: resolved)
            free(resolved)
        }
        if stat(target, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            guard info.st_mode & S_IFMT != S_IFDIR else { throw WriteError(path: path, reason: "is a folder") }
            return try writeThrough(bytes, to: target, flags: 0)
        }
        try replace(target, with: bytes, reporting: path)
    }

    /// Opens `path` and writes `bytes` into it (truncating a regular file).
    private static func writeThrough(_ bytes: [UInt8], to path: String, flags: Int32) throws(WriteError) {
        let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC | flags, 0o666)
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        let code = writeAll(fd, bytes)
        if close(fd) != 0, code == 0 { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        if code != 0 { throw WriteError(path: path, reason: String(cString: strerror(code))) }
    }

    /// A temporary file in `target`'s folder, flushed, then renamed over `target`.
    private static func replace(_ target: String, with bytes: [UInt8], reporting path: String) throws(WriteError) {
        var temporary = ""
        var fd: Int32 = -1
        for _ in 0..<8 {
            temporary = temporaryPath(for: target)
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        // The replacement keeps the old file's permissions and (where allowed) its owner:
        // a private report stays private.
        var old = stat()
        if stat(target, &old) == 0 {
            _ = fchmod(fd, old.st_mode & 0o7777)
            if old.st_uid != getuid() || old.st_gid != getgid() { _ = fchown(fd, old.st_uid, old.st_gid) }
        }
        func fail(_ code: Int32) -> WriteError {
            close(fd)
            unlink(temporary)
            return WriteError(path: path, reason: String(cString: strerror(code)))
        }
        let code = writeAll(fd, bytes)
        if code != 0 { throw fail(code) }
        if fsync(fd) != 0 { throw fail(errno) }
        if close(fd) != 0 {
            let code = errno
            unlink(temporary)
            throw WriteError(path: path, reason: String(cString: strerror(code)))
        }
        if rename(temporary, target) != 0 {
            let code = errno
            unlink(temporary)
            throw WriteError(path: path, reason: String(cString: strerror(code)))
        }
    }

    static func write(_ text: String, to path: String) throws(WriteError) {
        try write(Array(text.utf8), to: path)
    }
}

/// Writes all of `bytes` to `fd`, retrying short writes and EINTR; 0, or the errno of
/// the write that failed.
func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
    var written = 0
    while written < bytes.count {
        let n = systemWrite(fd, bytes.baseAddress! + written, bytes.count - written)
        if n < 0 {
            if errno == EINTR { continue }
            return errno
        }
        written += n
    }
    return 0
}

func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32 {
    bytes.withUnsafeBytes { writeAll(fd, $0) }
}

func writeAll(_ fd: Int32, _ text: String) -> Int32 {
    var text = text
    return text.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
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
