"""Building: one article through every stage (article), and a whole site into out/ (site),
incrementally, in parallel, atomically (plan, work, patch, statcache, manifest, emit, bundle)."""
