file(REMOVE_RECURSE
  "libmpibench_statistics.a"
)
