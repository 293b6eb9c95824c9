import Domain
import Foundation
import PersianKit
import Storage

/// What every generating task reads and nobody changes: reference data as stored, the staff the
/// history is attributed to, and where the run's ids and identifiers start.
struct GenerateContext: Sendable {
    /// Agencies keyed "provinceCode/kind", the shape `DemoPlan` picks from.
    let agencies: [String: [Agency]]
    let agencyNames: [Int: String]
    let categories: [String: Domain.Category]
    /// Provinces weighted by census population.
    let provinces: Weighted<ProvinceSeed>
    /// Registers calls (the 111 operator), screens (answers, refers, merges, closes) and answers for agencies.
    let operatorActor: Actor
    let screener: Actor
    let handler: Actor
    let trackingLink: @Sendable (TrackingCode) -> String
    let timeline: GenerateTimeline
    let calendar: BusinessCalendar
    let now: Date
    /// First free ids: generated citizens and cases get ids from here on, in slot order.
    let firstCitizenID: Int
    let firstCaseID: Int
    let totalCases: Int
    let seed: UInt64
}
