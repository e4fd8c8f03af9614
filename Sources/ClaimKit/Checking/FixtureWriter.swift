import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes fixture files atomically: a reader, or a crash at any moment (even SIGKILL),
/// finds either the old file or the new one, whole — never a mix or a truncated file.
///
/// The text goes to a temporary file in the same folder (`.claimcheck-<random>.tmp`),
/// which is flushed to disk and then renamed over the target in one step (rename(2)
/// is atomic within a file system). A write killed before the rename leaves the old
/// fixture untouched and, at worst, a stray temporary file.
public enum FixtureWriter {
    /// Why a fixture could not be written.
    public enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// A fixture or article name that is not a plain file name (`..`, `/`, empty, …).
        case unsafeName(name: String, reason: String)
        /// The file system refused (permission, missing folder, full disk, …).
        case cannotWrite(path: String, reason: String)

        /// Why the write was refused or failed, naming the path.
        public var description: String {
            switch self {
            case .unsafeName(let name, let reason): return "refusing the name \"\(name)\": \(reason)"
            case .cannotWrite(let path, let reason): return "\(path): cannot write the fixture (\(reason))"
            }
        }
    }

    /// Why `name` is not a plain file name that stays inside its folder, or `nil` when it is.
    ///
    /// Refused: the empty name, a name containing `..` (anywhere), a path separator
    /// (`/` or `\`, so also every absolute path), a control character (NUL included),
    /// `.`, and names over 255 UTF-8 bytes.
    public static func unsafeNameReason(_ name: String) -> String? {
        if name.isEmpty { return "the name is empty" }
        if name.contains("..") { return "it contains \"..\"" }
        if name.hasPrefix("/") { return "it is an absolute path" }
        if name.contains("/") || name.contains("\\") { return "it contains a path separator" }
        if name == "." { return "it names the folder itself" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "it contains a control character"
        }
        if name.utf8.count > 255 { return "it is longer than 255 bytes" }
        return nil
    }

    /// The URL of the fixture `name` (e.g. `rail-fares-rise.json`) inside `directory`.
    ///
    /// - Throws: ``Problem/unsafeName(name:reason:)`` for a name that could point
    ///   outside `directory` (see ``unsafeNameReason(_:)``).
    public static func url(forFixture name: String, in directory: URL) throws(Problem) -> URL {
        if let reason = unsafeNameReason(name) { throw Problem.unsafeName(name: name, reason: reason) }
        return directory.appendingPathComponent(name, isDirectory: false)
    }

    /// Writes `text` (as UTF-8) to `url` atomically, replacing any existing file.
    ///
    /// - Throws: ``Problem/unsafeName(name:reason:)`` when the file name is not a plain
    ///   name or the path has a `..` component; ``Problem/cannotWrite(path:reason:)``
    ///   when the temporary file cannot be created, written, flushed or renamed (the
    ///   existing file is then left as it was and the temporary file removed).
    public static func write(_ text: String, to url: URL) throws(Problem) {
        let name = url.lastPathComponent
        if let reason = unsafeNameReason(name) { throw Problem.unsafeName(name: url.path, reason: reason) }
        if url.pathComponents.contains("..") {
            throw Problem.unsafeName(name: url.path, reason: "the path contains \"..\"")
        }
        let directory = url.deletingLastPathComponent()
        var random = SystemRandomNumberGenerator()
        let suffix = String(random.next(), radix: 16)
        let temp = directory.appendingPathComponent(".claimcheck-\(suffix).tmp", isDirectory: false)
        let target = url.path
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Problem.cannotWrite(path: target, reason: errnoText()) }
        var failure: String? = nil
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var done = 0
            while done < buffer.count {
                let n = posixWrite(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errnoText()
                    return
                }
                done += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = errnoText() }
        if close(fd) != 0, failure == nil { failure = errnoText() }
        if failure == nil, rename(temp.path, target) != 0 { failure = errnoText() }
        if let failure {
            unlink(temp.path)
            throw Problem.cannotWrite(path: target, reason: failure)
        }
        // Make the rename itself durable; a failure here does not undo the write.
        let dirfd = open(directory.path, O_RDONLY | O_CLOEXEC)
        if dirfd >= 0 {
            _ = fsync(dirfd)
            close(dirfd)
        }
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// write(2), named apart from ``FixtureWriter/write(_:to:)``.
private func posixWrite(_ fd: Int32, _ buffer: UnsafePointer<UInt8>, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(fd, buffer, count)
    #else
        return Darwin.write(fd, buffer, count)
    #endif
}
