file(REMOVE_RECURSE
  "libmpibench_cli_parse.a"
)
