// `mpibench all`: every pattern the launched ranks allow, one after the other, into one
// output; a pattern that needs more ranks is skipped with a note.
#include "cli/run_command.hpp"
#include "patterns/catalog.hpp"

namespace mpibench {

Subcommand all_command() {
  return Subcommand{
      .name = "all",
      .summary = "every pattern the launched ranks allow, one after the other, into one CSV",
      .description = "Runs every pattern the launched ranks allow, in the order 'mpibench list' shows "
                     "them, into one output; a pattern that needs more ranks is skipped with a note. "
                     "Every pattern's options are accepted and apply to the patterns that declare them.",
      .examples = {{"mpiexec -n 2 mpibench all -o all.csv", "every pattern two ranks allow"},
                   {"mpiexec -n 4 mpibench all --validate -q -o all.csv", "every payload checked, no table"},
                   {"mpibench-plot all.csv -o all.png", "a panel per pattern"}},
      .notes = run_notes(),
      .guide = "running.md",
      .needs_mpi = true,
      .declare = [](CLI::App& sub) { return declare_run(sub, pattern_catalog(), true, default_sizes); },
  };
}

}  // namespace mpibench
