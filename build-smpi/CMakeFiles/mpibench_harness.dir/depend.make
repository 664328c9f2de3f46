# Empty dependencies file for mpibench_harness.
# This may be replaced when dependencies are built.
