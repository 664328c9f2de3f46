# Empty dependencies file for mpibench_cli_parse.
# This may be replaced when dependencies are built.
