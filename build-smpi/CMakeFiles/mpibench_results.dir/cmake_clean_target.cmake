file(REMOVE_RECURSE
  "libmpibench_results.a"
)
