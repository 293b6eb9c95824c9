import CSV
import Foundation

/// A CSV file as Excel and LibreOffice open it with the Persian intact: UTF-8 with a byte-order mark
/// (without it Excel reads Latin-1), CRLF lines, and a final line end. Every export writes through it.
public enum SpreadsheetCSV {
    public static func bytes(_ write: (CSVWriter) throws -> Void) throws -> [UInt8] {
        let stream = OutputStream(toMemory: ())
        stream.open()
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try write(writer)
        stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return [0xEF, 0xBB, 0xBF] + [UInt8](data) + Array("\r\n".utf8)
    }
}
