# Empty dependencies file for mpibench_cli.
# This may be replaced when dependencies are built.
