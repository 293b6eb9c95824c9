import AsyncHTTPClient
import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A client that connects and then sends nothing (or stops halfway through its headers) does not
/// hold the connection forever: the real server closes it after `SAMAD_IDLE_TIMEOUT`.
@Suite(.serialized, .timeLimit(.minutes(10))) struct SlowClientTests {
    @Test func aSilentConnectionIsClosedByTheServer() async throws {
        let scratch = try await ScratchDatabase.create(.sqlite)
        defer { Task { await scratch.drop() } }
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        defer { _ = client.shutdown() }
        let server = try ServerProcess(scratch: scratch, extra: ["SAMAD_IDLE_TIMEOUT": "1"])
        defer { server.end() }
        try await server.waitUntilReady(client)

        // act: one connection says nothing, another stops in the middle of its headers
        for opening in ["", "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "] {
            let fd = try Self.connect(port: server.port)
            defer { close(fd) }
            if !opening.isEmpty { _ = opening.withCString { send(fd, $0, strlen($0), 0) } }
            // check: the server ends it (read sees end of file) well before this socket's own 20 s limit
            var buffer = [UInt8](repeating: 0, count: 512)
            var total = 0
            while true {
                let n = recv(fd, &buffer, buffer.count, 0)
                if n <= 0 {
                    #expect(n == 0, "the server closed the connection (errno \(errno) means the socket's own limit ran out)")
                    break
                }
                total += n
            }
            _ = total
        }
        // The server is still answering.
        let health = try await client.execute(HTTPClientRequest(url: server.baseURL + "/health"), timeout: .seconds(5))
        #expect(health.status == .ok)
    }

    /// A blocking TCP socket to 127.0.0.1:port with a 20 s receive limit.
    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EBADF) }
        var limit = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
        return fd
    }
}
