/// Builds a string scalar by scalar into a UTF-8 byte buffer: much cheaper than appending to a
/// `String.UnicodeScalarView`, which re-checks the string's storage on every append.
struct UTF8Builder {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    var isEmpty: Bool { bytes.isEmpty }

    mutating func append(_ u: Unicode.Scalar) {
        let v = u.value
        switch v {
        case 0..<0x80:
            bytes.append(UInt8(v))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | (v >> 6)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | (v >> 12)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (v >> 18)))
            bytes.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Drops the last scalar appended.
    mutating func removeLastScalar() {
        while let last = bytes.popLast(), last & 0xC0 == 0x80 {}
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}
