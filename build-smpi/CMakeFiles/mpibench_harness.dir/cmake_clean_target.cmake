file(REMOVE_RECURSE
  "libmpibench_harness.a"
)
