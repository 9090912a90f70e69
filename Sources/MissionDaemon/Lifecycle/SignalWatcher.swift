@preconcurrency import Dispatch
import Glibc

/// Signals (SIGTERM, SIGINT, SIGHUP) as Dispatch events instead of asynchronous signal handlers. Keep the
/// value alive for as long as the signals should be watched.
package final class SignalWatcher: Sendable {
    private let sources: [any DispatchSourceSignal]

    /// Set up in a nonisolated function: handlers created in main-actor code would be
    /// main-actor isolated and trap when Dispatch runs them on its own queue.
    package init(signals: [Int32] = [SIGTERM, SIGINT], queue: DispatchQueue = DispatchQueue(label: "missiond.signals"),
                handler: @escaping @Sendable (Int32) -> Void) {
        sources = signals.map { number in
            signal(number, SIG_IGN)  // the default action would kill the process first
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handler(number) }
            source.resume()
            return source
        }
    }

    package func cancel() {
        for source in sources { source.cancel() }
    }
}
