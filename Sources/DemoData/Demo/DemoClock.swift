import Foundation

/// The simulated "now" of demo and generated data: each task writing a backdated case sets it.
enum DemoClock {
    @TaskLocal static var now: Date?

    static func read() -> Date { now ?? Date() }
}
