import Foundation

/// The published contract, served at /openapi.yaml exactly as the code was generated from it.
public enum APISpec {
    /// The file's bytes, read once per process (every application built in one test run shares them).
    public static func yaml() throws -> [UInt8] { try loaded.get() }

    private static let loaded = Result<[UInt8], any Error>(catching: read)

    private static func read() throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw CocoaError(.fileNoSuchFile)
        }
        // Copied from the buffer itself: iterating the Data element by element crashed once in
        // Foundation (a bad pointer dereference in the copy) while the test suite ran.
        return try Data(contentsOf: url).withUnsafeBytes { [UInt8]($0) }
    }
}
