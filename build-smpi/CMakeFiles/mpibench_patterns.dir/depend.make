# Empty dependencies file for mpibench_patterns.
# This may be replaced when dependencies are built.
