#if canImport(Glibc)
import Glibc
#endif

/// glibc's allocator policy for a build. A build allocates and frees many page-sized buffers
/// across threads; by default glibc hands memory back to the kernel and maps large blocks anew
/// each time, which cost more system time than the build itself (measured: 9 s of 24 s at 10,000
/// briefings). Keeping freed memory for reuse removes most of it.
enum MemoryPolicy {
    static func apply() {
        #if canImport(Glibc)
        // `mallopt` lives in <malloc.h>, which the Glibc module does not export.
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
        let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3  // M_* in <malloc.h>
        _ = mallopt(mmapThreshold, 64 << 20)
        _ = mallopt(trimThreshold, 256 << 20)
        _ = mallopt(topPad, 64 << 20)
        #endif
    }
}
