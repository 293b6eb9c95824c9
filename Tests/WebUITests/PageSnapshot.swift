import Foundation
import Testing

/// Rendered HTML compared with a committed snapshot, after masking what changes per run (CSRF
/// tokens, form keys, tracking codes). `SAMAD_RECORD_SNAPSHOTS=1 swift test` rewrites them.
enum PageSnapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func normalise(_ html: String) -> String {
        var text = html
        let patterns = [
            (#"name="_csrf" value="[0-9a-f]+""#, #"name="_csrf" value="CSRF""#),
            (#"name="_form" value="[0-9A-F-]+""#, #"name="_form" value="FORM""#),
            (#"[0-9]{11}"#, "CODE"),
            (#"[۰-۹]{11}"#, "CODE"),
            (#"[۰-۹]{3} [۰-۹]{3} [۰-۹]{3} [۰-۹]{2}"#, "GROUPED"),
            (#"/referrals/[0-9]+/"#, "/referrals/ID/"),
            (#"(answer|reason)-[0-9]+"#, "$1-ID"),
            (#"value="[0-9]+"( checked)?> "#, #"value="N"$1> "#),
        ]
        for (pattern, replacement) in patterns {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }

    static func check(_ html: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = normalise(html)
        let file = directory.appendingPathComponent("\(name).html")
        let record = ProcessInfo.processInfo.environment["SAMAD_RECORD_SNAPSHOTS"] == "1"
        guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("snapshot \(name) recorded; run the tests again", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "page \(name) differs from Snapshots/\(name).html", sourceLocation: sourceLocation)
    }

    /// Every src/href/action points inside Samad: government intranets have no CDN.
    static func externalResources(_ html: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: #"(?:src|href|action)="([^"]*)""#)
        let range = NSRange(html.startIndex..., in: html)
        return regex.matches(in: html, range: range).compactMap { match in
            let value = String(html[Range(match.range(at: 1), in: html)!])
            return value.hasPrefix("/") && !value.hasPrefix("//") || value.hasPrefix("#") ? nil : value
        }
    }
}
