# Empty dependencies file for mpibench.
# This may be replaced when dependencies are built.
