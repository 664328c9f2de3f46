# Empty dependencies file for mpibench_statistics.
# This may be replaced when dependencies are built.
