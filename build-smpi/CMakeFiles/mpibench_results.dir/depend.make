# Empty dependencies file for mpibench_results.
# This may be replaced when dependencies are built.
