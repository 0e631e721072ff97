/// Files a build writes that are not template pages: data made from the site model alone.
/// Each entry renders lazily, on all cores, next to the pages.
struct GeneratedFiles: Sendable {
    let contexts: PageContexts

    /// Every generated file with the function that makes its bytes, in a fixed order.
    func files() -> [(path: OutputPath, make: @Sendable () -> [UInt8])] {
        []
    }
}
