import Foundation

/// One line of the file gateway's sms.log.
public struct SentSMS: Sendable, Decodable {
    public let id: Int
    /// nil for a sign-in code.
    public let caseId: Int?
    public let kind: String
    public let to: String
    public let text: String

    public static func read(_ path: String) -> [SentSMS] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(SentSMS.self, from: Data($0.utf8)) }
    }
}
