import Domain
import Foundation

/// Appends each SMS as one JSON line to a file (by default `$SAMAD_DATA_DIR/sms.log`), so a demo or a
/// test shows exactly what citizens would receive.
public actor FileSMSGateway: SMSGateway {
    private let path: String
    private let encoder: JSONEncoder

    public init(path: String) {
        self.path = path
        self.encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
    }

    struct Line: Encodable {
        let id: Int
        let caseId: Int?
        let kind: String
        let to: String
        let text: String
        let at: Date
    }

    public func send(_ sms: OutboundSMS) async throws -> String? {
        let line = Line(id: sms.id, caseId: sms.caseID, kind: sms.kind.rawValue, to: sms.mobile, text: sms.text, at: Date())
        var data = try encoder.encode(line)
        data.append(0x0A)
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw SMSDeliveryError("cannot open \(path)")
        }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: data)
        return "file-\(sms.id)"
    }
}
