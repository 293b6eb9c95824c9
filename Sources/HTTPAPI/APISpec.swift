import Foundation

/// The published contract, served at /openapi.yaml exactly as the code was generated from it.
public enum APISpec {
    public static func yaml() throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return [UInt8](try Data(contentsOf: url))
    }
}
