import CJemalloc

/// The allocator of a build: jemalloc, linked into the program in place of glibc's malloc.
///
/// A build makes and frees millions of small strings, arrays and dictionaries on both cores.
/// With glibc's allocator a third of a 10,000-briefing build's user time went to malloc, free and
/// their locks; jemalloc's per-thread caches cut user time by about a fifth at the same peak
/// memory (measured side by side, README "Performance").
enum MemoryPolicy {
    /// Confirms that jemalloc serves this process. Asking it by name also keeps the linker from
    /// dropping the library as unused (nothing else names one of its symbols), so the program
    /// cannot fall back to glibc's allocator unnoticed.
    static func apply() {
        var version: UnsafePointer<CChar>? = nil
        var size = MemoryLayout<UnsafePointer<CChar>?>.size
        _ = mallctl("version", &version, &size, nil, 0)
    }
}
