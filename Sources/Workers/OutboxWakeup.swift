import Synchronization

/// Wakes this process's dispatcher when something urgent enters the outbox (a sign-in code), so it
/// is sent at once instead of at the next poll. Dispatchers in other processes still find it at
/// their next poll.
public final class OutboxWakeup: Sendable {
    private struct State {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    public init() {}

    /// Wakes the waiting dispatcher, or makes its next wait return at once.
    public func signal() {
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            guard let waiter = s.waiter else {
                s.pending = true
                return nil
            }
            s.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Returns after `duration`, or earlier when signalled (also by a signal given since the last wait).
    func wait(upTo duration: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await Task.sleep(for: duration) }
            group.addTask { await self.nextSignal() }
            await group.next()
            group.cancelAll()
        }
    }

    /// Whether a signal came since the last wait, taking it: a batch under way stops early for it.
    func takeSignal() -> Bool {
        state.withLock { s in
            defer { s.pending = false }
            return s.pending
        }
    }

    private func nextSignal() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLock { s -> Bool in
                    if s.pending {
                        s.pending = false
                        return true
                    }
                    s.waiter = continuation
                    return false
                }
                if now { continuation.resume() }
                // Cancelled before the continuation was stored: the handler found nothing to resume.
                if Task.isCancelled { resumeWaiter() }
            }
        } onCancel: {
            resumeWaiter()
        }
    }

    private func resumeWaiter() {
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.resume()
    }
}
