file(REMOVE_RECURSE
  "libmpibench_patterns.a"
)
