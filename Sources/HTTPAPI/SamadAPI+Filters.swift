import Domain
import Foundation
import PersianKit

/// The filters list queries take, checked as openapi.yaml gives them: a value of the wrong shape is a
/// 400, a well-formed one that names nothing (a province or category no one has) a 422. A filter is
/// never passed on unchecked to match nothing.
extension SamadAPI {
    /// An agency's or a staff member's id in a query: 1 or more (`Id`).
    static func idFilter(_ raw: Int?, field: String) throws -> Int? {
        guard let raw else { return nil }
        guard raw >= 1 else {
            throw DomainError(.invalid, "invalid_\(field)", fa: "شناسه باید عددی مثبت باشد.", en: "\(field) must be a positive id.", field: field)
        }
        return raw
    }

    /// A province code in a query (`ProvinceFilter`, Persian digits accepted); empty is not given.
    static let invalidProvince = DomainError(
        .invalid, "invalid_province", fa: "کد استان باید دو رقم باشد.", en: "A province code is two digits.", field: "province")

    /// A province code given in a body: absent is none, but an empty one is bad input (not "none").
    func provinceInput(_ raw: String?) async throws -> String? {
        guard let raw else { return nil }
        guard !raw.isEmpty else { throw Self.invalidProvince }
        return try await provinceFilter(raw)
    }

    func provinceFilter(_ raw: String?) async throws -> String? {
        guard let raw, !raw.isEmpty else { return nil }
        let code = PersianDigits.toASCII(raw)
        guard code.utf8.count == 2, code.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { throw Self.invalidProvince }
        guard try await reference.provinces().contains(where: { $0.code == code }) else {
            throw DomainError.unknown("province", fa: "استان")
        }
        return code
    }

    /// A category code in a query (`CategoryCode`).
    func categoryFilter(_ raw: String?) async throws -> String? {
        guard let raw else { return nil }
        guard !raw.isEmpty, raw.utf8.count <= 50, raw.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 | 0x20 >= 97 && $0 | 0x20 <= 122) }) else {
            throw DomainError(
                .invalid, "invalid_category_code", fa: "کد دسته باید حروف و رقم لاتین باشد.",
                en: "Category code must be ASCII letters and digits.", field: "category")
        }
        guard try await reference.categories(includeInactive: true).contains(where: { $0.code == raw }) else {
            throw DomainError.unknown("category", fa: "دسته")
        }
        return raw
    }
}
