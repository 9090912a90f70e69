/// Keys each due at a time (uptime nanoseconds), earliest first: a binary heap, so a
/// schedule or a due key costs O(log n) however many wait. Scheduling a key again replaces
/// its time; `cancel` forgets it. Replaced entries stay in the heap until they come up, and
/// are skipped then.
struct DeadlineQueue<Key: Hashable> {
    private struct Entry {
        var due: UInt64
        var key: Key
        var generation: Int
    }

    private var heap: [Entry] = []
    /// The live generation of each scheduled key.
    private var live: [Key: Int] = [:]
    private var nextGeneration = 0

    var isEmpty: Bool { live.isEmpty }
    func contains(_ key: Key) -> Bool { live[key] != nil }

    mutating func schedule(_ key: Key, at due: UInt64) {
        nextGeneration += 1
        live[key] = nextGeneration
        heap.append(Entry(due: due, key: key, generation: nextGeneration))
        siftUp(heap.count - 1)
    }

    mutating func cancel(_ key: Key) {
        live[key] = nil
    }

    /// The earliest live due time, or nil when none waits.
    mutating func earliest() -> UInt64? {
        dropStale()
        return heap.first?.due
    }

    /// The next key due at or before `now` (it is no longer scheduled), or nil.
    mutating func popDue(now: UInt64) -> Key? {
        dropStale()
        guard let top = heap.first, top.due <= now else { return nil }
        removeTop()
        live[top.key] = nil
        return top.key
    }

    private mutating func dropStale() {
        while let top = heap.first, live[top.key] != top.generation { removeTop() }
    }

    private mutating func removeTop() {
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        if !heap.isEmpty { siftDown(0) }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].due < heap[parent].due else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var smallest = parent
            for child in [2 * parent + 1, 2 * parent + 2] where child < heap.count && heap[child].due < heap[smallest].due {
                smallest = child
            }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
