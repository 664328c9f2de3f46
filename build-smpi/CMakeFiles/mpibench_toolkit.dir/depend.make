# Empty dependencies file for mpibench_toolkit.
# This may be replaced when dependencies are built.
