file(REMOVE_RECURSE
  "libmpibench_cli.a"
)
