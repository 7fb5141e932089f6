"""Building: one article through every stage (article), and a whole site into out/ (site),
in steps: plan (what to build), parallel and run (building it, streamed in source order),
finish (site-wide files, commit); incrementally (statcache, previous, patch, work), atomically
(emit, staging, journal, lock), with its manifest and bundle."""
