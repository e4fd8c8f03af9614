// A test helper, not a tool: writes two fixture texts to one path, alternately, until it
// is killed. FixtureWriterTests SIGKILLs it at random moments and checks that the file
// is always one of the texts, whole.
//
//   FixtureWriteLoop atomic TARGET A B   FixtureWriter.write (the property under test)
//   FixtureWriteLoop plain TARGET A B    truncate-and-write in small slow chunks: the
//                                        control that shows the test can see a torn file
import ClaimKit
import Foundation

let args = CommandLine.arguments
guard args.count == 5, let a = try? String(contentsOfFile: args[3], encoding: .utf8),
    let b = try? String(contentsOfFile: args[4], encoding: .utf8)
else {
    FileHandle.standardError.write(Data("usage: FixtureWriteLoop atomic|plain TARGET A B\n".utf8))
    exit(64)
}
let target = URL(fileURLWithPath: args[2])
let texts = [a, b]
var n = 0
while true {
    let text = texts[n % 2]
    n += 1
    if args[1] == "atomic" {
        do { try FixtureWriter.write(text, to: target) } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            exit(2)
        }
    } else {
        guard let handle = FileHandle(forWritingAtPath: target.path) else { exit(2) }
        handle.truncateFile(atOffset: 0)
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + 65_536, bytes.count)
            handle.write(Data(bytes[offset..<end]))
            offset = end
            usleep(200)
        }
        handle.closeFile()
    }
}
