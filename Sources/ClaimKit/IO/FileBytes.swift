import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a whole file with POSIX calls, so that a failure names its cause
/// ("Permission denied", "Input/output error") rather than a generic Foundation error,
/// and so that reading stops at a size limit (a device such as /dev/zero never ends).
enum FileBytes {
    enum Failure: Error, Equatable {
        case notFound
        case isDirectory
        /// The reason, from errno.
        case unreadable(String)
        /// More than the limit was read; the count read so far.
        case tooLarge(Int)
    }

    /// The bytes of the file at `path`, at most `limit` of them; with a `folder` opened
    /// by ``openFolder(_:)``, the file `name` in it (openat(2): the folder's path is not
    /// walked again for every file).
    static func read(path: String, limit: Int, folder: Int32 = AT_FDCWD, name: String? = nil) throws(Failure)
        -> [UInt8]
    {
        var fd: Int32
        let file = folder == AT_FDCWD ? path : name ?? path
        repeat { fd = openat(folder, file, O_RDONLY | O_CLOEXEC) } while fd < 0 && errno == EINTR
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ENOENT: throw .notFound
            case EISDIR: throw .isDirectory
            default: throw .unreadable(reason(code))
            }
        }
        defer { close(fd) }
        var info = stat()
        var expected = 0
        if fstat(fd, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { throw .isDirectory }
            if info.st_mode & S_IFMT == S_IFREG { expected = Int(info.st_size) }
        }
        if expected > 0 && expected <= limit, let whole = readWhole(fd: fd, size: expected) { return whole }
        return try read(fd: fd, limit: limit, expected: expected)
    }

    /// A descriptor of the folder at `path` to read files from by name, or `AT_FDCWD`
    /// (files are then read by path) when it cannot be opened. Opening a file through it
    /// needs the same permissions as opening it by path (search permission on the folder).
    static func openFolder(_ path: String) -> Int32 {
        let fd = open(path.isEmpty ? "." : path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        return fd >= 0 ? fd : AT_FDCWD
    }

    /// Closes a folder from ``openFolder(_:)``.
    static func closeFolder(_ fd: Int32) {
        if fd != AT_FDCWD { close(fd) }
    }

    /// A regular file of `size` bytes in one read(2) straight into an array of that size:
    /// one byte more is asked for, so that getting exactly `size` says the end was
    /// reached. Nil when the read gives anything else (an error, a file that changed
    /// size); the file offset is then back at the start for the general loop.
    private static func readWhole(fd: Int32, size: Int) -> [UInt8]? {
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            let n = posixRead(fd, buffer.baseAddress, size + 1)
            complete = n == size
            count = complete ? n : 0
        }
        if complete { return bytes }
        _ = lseek(fd, 0, SEEK_SET)
        return nil
    }

    /// Everything readable from `fd` (e.g. 0 for standard input), at most `limit` bytes.
    static func read(fd: Int32, limit: Int, expected: Int = 0) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(max(expected, 0), limit) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                throw .unreadable(reason(code))
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit { throw .tooLarge(bytes.count) }
        }
    }

    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// read(2), named apart from ``FileBytes/read(fd:limit:expected:)``.
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.read(fd, buffer, count)
    #else
        return Darwin.read(fd, buffer, count)
    #endif
}
