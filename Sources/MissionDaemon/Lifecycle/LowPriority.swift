#if canImport(Glibc)
import Glibc
#endif

/// Puts the calling thread at nice 19, for good: background work (the check of indexed records
/// after a start) then yields the CPU to the intake and the stages. On Linux the nice value is
/// per thread (`who` 0 is the calling thread, see setpriority(2)). Only on a thread of one's
/// own: an unprivileged process cannot lower it again, so a pooled Dispatch thread would keep it.
func lowerThisThreadsPriority() {
    _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
}
