import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `briefing` with the environment and the kind of standard error a test asks for.
struct BinaryRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Where standard error goes: a pipe (as in CI or a redirect), or a terminal.
    enum ErrorOutput { case pipe, terminal }

    /// Runs `briefing arguments` in `folder`; `environment` adds to (or, with nil, removes from)
    /// this process's environment.
    static func run(_ arguments: [String], in folder: String, environment: [String: String?] = [:],
                    stderr errorOutput: ErrorOutput = .pipe) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLITests.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        switch errorOutput {
        case .pipe:
            let err = Pipe()
            process.standardError = err
            try process.run()
            // Both pipes are read at once, so that neither can fill up and stall the program.
            let stdout = Reader(out.fileHandleForReading.fileDescriptor)
            let stderr = Reader(err.fileHandleForReading.fileDescriptor)
            process.waitUntilExit()
            return Result(status: process.terminationStatus, stdout: stdout.text(), stderr: stderr.text())
        case .terminal:
            var primary: Int32 = -1, secondary: Int32 = -1
            guard openpty(&primary, &secondary, nil, nil, nil) == 0 else { throw POSIXError(.ENOTTY) }
            let terminal = FileHandle(fileDescriptor: secondary, closeOnDealloc: true)
            process.standardError = terminal
            try process.run()
            try terminal.close()
            let stdout = Reader(out.fileHandleForReading.fileDescriptor)
            let stderr = Reader(primary)
            process.waitUntilExit()
            let text = stderr.text()
            close(primary)
            // The terminal turns each "\n" into "\r\n".
            return Result(status: process.terminationStatus, stdout: stdout.text(),
                          stderr: text.replacingOccurrences(of: "\r\n", with: "\n"))
        }
    }

    /// A program left running (`serve`), its standard error read as it comes.
    struct Running {
        let process: Process
        let stderr: Reader

        /// Waits until standard error holds `text`; false after `seconds`.
        func waitFor(_ text: String, seconds: Double = 60) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if stderr.textSoFar().contains(text) { return true }
                if !process.isRunning { return stderr.text().contains(text) }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return false
        }

        /// Ctrl-C, then the exit status and all of standard error.
        func interrupt() -> (status: Int32, stderr: String) {
            if process.isRunning { kill(process.processIdentifier, SIGINT) }
            let watchdog = DispatchWorkItem { [process] in process.terminate() }
            DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: watchdog)
            process.waitUntilExit()
            watchdog.cancel()
            return (process.terminationStatus, stderr.text())
        }
    }

    static func start(_ arguments: [String], in folder: String) throws -> Running {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLITests.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        process.standardError = err
        try process.run()
        return Running(process: process, stderr: Reader(err.fileHandleForReading.fileDescriptor))
    }

    /// Reads a file descriptor to its end on a thread of its own.
    final class Reader: @unchecked Sendable {
        private var data = Data()
        private let lock = NSLock()
        private let done = DispatchSemaphore(value: 0)

        init(_ fd: Int32) {
            Thread.detachNewThread { [self] in
                var buffer = [UInt8](repeating: 0, count: 65536)
                while true {
                    let count = read(fd, &buffer, buffer.count)
                    if count < 0 && errno == EINTR { continue }
                    // A terminal whose other side closed answers EIO: the end.
                    if count <= 0 { break }
                    lock.withLock { data.append(buffer, count: count) }
                }
                done.signal()
            }
        }

        /// What was read until now.
        func textSoFar() -> String {
            lock.withLock { String(decoding: data, as: UTF8.self) }
        }

        /// All of it, once the other side closed.
        func text() -> String {
            done.wait()
            done.signal()
            return textSoFar()
        }
    }
}
