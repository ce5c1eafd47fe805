"""The build's machinery, below everything: the cache and its records and seals, crash
checkpoints, forked workers and the prepare-ahead pool, progress, timing, the build lock and
the one `BuildRun` a build's state lives in.
"""
