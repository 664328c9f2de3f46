file(REMOVE_RECURSE
  "libmpibench_toolkit.a"
)
