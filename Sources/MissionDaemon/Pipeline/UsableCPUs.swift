import Foundation

/// How many CPUs this process may use: the affinity mask (taskset, systemd's CPUAffinity=),
/// lowered by a cgroup CPU quota (systemd's CPUQuota=, a container's --cpus) rounded up.
/// Read once at start; the pipeline runs that many lanes unless `workers:` says otherwise.
enum UsableCPUs {
    static func count(cgroupRoot: String = "/sys/fs/cgroup") -> Int {
        var usable = affinityCount() ?? ProcessInfo.processInfo.activeProcessorCount
        if let quota = quotaCPUs(cgroupRoot: cgroupRoot) { usable = min(usable, quota) }
        return max(1, usable)
    }

    /// The affinity mask's CPUs, from `Cpus_allowed_list` in /proc/self/status ("0-3,8,10-11"):
    /// sched_getaffinity itself is not in Swift's Glibc module (it needs _GNU_SOURCE).
    private static func affinityCount() -> Int? {
        guard let status = read("/proc/self/status"),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed_list:") }) else { return nil }
        return cpuListCount(String(line.dropFirst("Cpus_allowed_list:".count)))
    }

    /// CPUs in a kernel CPU list ("0-3,8,10-11" → 7); nil when it does not parse.
    static func cpuListCount(_ list: String) -> Int? {
        var count = 0
        for range in list.trimmingCharacters(in: .whitespaces).split(separator: ",") {
            let bounds = range.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count), let low = Int(bounds[0]),
                  let high = bounds.count == 2 ? Int(bounds[1]) : low, high >= low else { return nil }
            count += high - low + 1
        }
        return count > 0 ? count : nil
    }

    /// The quota in whole CPUs (rounded up), or nil when there is none. cgroup v2 first
    /// (`cpu.max`: "max 100000" or "150000 100000"), then v1 (`cpu.cfs_quota_us`, -1 for none).
    static func quotaCPUs(cgroupRoot: String) -> Int? {
        for directory in cgroupDirectories(cgroupRoot: cgroupRoot) {
            if let text = read(directory + "/cpu.max") {
                let fields = text.split(separator: " ")
                guard fields.count == 2, let quota = Double(fields[0]), let period = Double(fields[1]), period > 0 else { return nil }
                return Int((quota / period).rounded(.up))
            }
            if let quotaText = read(directory + "/cpu.cfs_quota_us"), let periodText = read(directory + "/cpu.cfs_period_us") {
                guard let quota = Double(quotaText), quota > 0, let period = Double(periodText), period > 0 else { return nil }
                return Int((quota / period).rounded(.up))
            }
        }
        return nil
    }

    /// This process's own cgroup (from /proc/self/cgroup), then the root.
    private static func cgroupDirectories(cgroupRoot: String) -> [String] {
        var directories: [String] = []
        for line in (read("/proc/self/cgroup") ?? "").split(separator: "\n") {
            // v2: "0::/system.slice/missiond.service"; v1: "4:cpu,cpuacct:/user.slice".
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            let controllers = parts[1]
            if controllers.isEmpty {
                directories.append(cgroupRoot + parts[2])
            } else if controllers.split(separator: ",").contains("cpu") {
                directories.append(cgroupRoot + "/" + controllers + parts[2])
                directories.append(cgroupRoot + "/cpu" + parts[2])
            }
        }
        directories.append(cgroupRoot)
        return directories
    }

    private static func read(_ path: String) -> String? {
        (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
