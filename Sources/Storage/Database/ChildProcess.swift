#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// A program started with `posix_spawn`, its input from /dev/null and its output to files.
///
/// Foundation's `Process.run()` on Linux crashes now and then (a 256-byte over-read of each
/// /proc/self/fd entry while it closes descriptors; swift-corelibs-foundation#5472, about one run
/// in five of a suite that starts many children), so Samad starts its children itself: the
/// PostgreSQL client programs behind `samad backup` and `samad restore`, and the tests' servers.
public final class ChildProcess: Sendable {
    public let pid: pid_t
    /// The exit status once the child has been reaped (128 + the signal for one killed by a signal).
    private let ended = Mutex<Int32?>(nil)

    /// Starts `executable` (a path) with `arguments` and exactly `environment`; standard output goes
    /// to `outputPath` (truncated) or /dev/null, standard error to `errorPath` or this process's own.
    public init(
        executable: String, arguments: [String], environment: [String: String], outputPath: String? = nil,
        errorPath: String? = nil
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if let errorPath {
            posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var child = pid_t()
        let status = posix_spawn(&child, executable, &actions, nil, argv, envp)
        guard status == 0 else { throw ChildProcessError(executable: executable, errno: status) }
        pid = child
    }

    /// The exit status, or nil while the child runs (never blocks).
    public var exitStatus: Int32? {
        ended.withLock { ended in
            if let ended { return ended }
            var status: Int32 = 0
            guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
            ended = Self.decode(status)
            return ended
        }
    }

    public var isRunning: Bool { exitStatus == nil }

    /// Sends `signal` unless the child has already been reaped.
    public func signal(_ signal: Int32) {
        if isRunning { _ = kill(pid, signal) }
    }

    /// Waits for the end, polling without holding a thread; past `limit` kills the child and throws.
    public func waitForExit(within limit: Duration) async throws -> Int32 {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: limit)
        while true {
            if let status = exitStatus { return status }
            guard clock.now < deadline else {
                signal(SIGKILL)
                throw ChildProcessError(executable: "pid \(pid)", errno: ETIMEDOUT)
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Waits for the end on this thread (for the command line, which has nothing else to do).
    public func waitUntilExit() -> Int32 {
        ended.withLock { ended in
            if let ended { return ended }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1, errno == EINTR {}
            let decoded = Self.decode(status)
            ended = decoded
            return decoded
        }
    }

    /// WEXITSTATUS, or 128 + WTERMSIG for a child a signal ended (Swift does not import the macros).
    private static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}

/// A child could not be started (or did not end in time).
public struct ChildProcessError: Error, CustomStringConvertible {
    public let executable: String
    public let errno: Int32
    public var description: String { "\(executable): \(String(cString: strerror(errno)))" }
}
