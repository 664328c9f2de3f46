// Build tool, not installed: the sections help2man cannot make from --help, written as its
// include file for one manual page, from the same table of subcommands that --help comes from
// (its name line, examples as roff, the exit status, where to read more).
//   mpibench_man_sections FILE            for mpibench(1)
//   mpibench_man_sections FILE COMMAND    for mpibench-COMMAND(1)
#include <fmt/format.h>
#include <fmt/os.h>

#include <string>
#include <string_view>

#include "cli/subcommand.hpp"

namespace {

using namespace mpibench;

// Text as roff shows it literally: backslashes and hyphens escaped, no line taken for a request.
std::string roff(std::string_view text) {
  std::string out;
  bool line_start = true;
  for (const char c : text) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
    line_start = c == '\n';
  }
  return out;
}

void print_examples(fmt::ostream& out, const std::vector<CommandExample>& examples) {
  if (examples.empty()) return;
  out.print("[=EXAMPLES]\n");
  for (const CommandExample& example : examples) {
    out.print(".PP\n.RS 2\n.nf\n{}\n.fi\n.RE\n.RS 6\n{}\n.RE\n", roff(example.command), roff(example.what));
  }
}

void print_see_also(fmt::ostream& out, std::string_view self, std::string_view guide) {
  out.print("[SEE ALSO]\n");
  std::string pages;
  if (!self.empty()) pages += ".BR mpibench (1),\n";
  for (const Subcommand& command : subcommands()) {
    if (command.name == self) continue;
    pages += fmt::format(".BR mpibench\\-{} (1),\n", roff(command.name));
  }
  pages += ".BR mpibench\\-plot (1),\n.BR mpiexec (1)\n";
  out.print("{}", pages);
  out.print(".PP\nThe guides, one page per task, are in\n.IR /usr/share/doc/mpibench/docs/ {}\n",
             guide.empty() ? "" : fmt::format("\n(this command: {})", roff(guide)));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: mpibench_man_sections FILE [COMMAND]\n");
    return 2;
  }
  const Subcommand* command = argc > 2 ? find_subcommand(argv[2]) : nullptr;
  if (argc > 2 && command == nullptr) {
    fmt::print(stderr, "mpibench_man_sections: no subcommand '{}'\n", argv[2]);
    return 2;
  }
  auto out = fmt::output_file(argv[1]);
  if (command == nullptr) {
    out.print("[NAME]\nmpibench \\- measure message-passing patterns over MPI\n");
    print_examples(out, top_examples());
    print_see_also(out, "", "");
    return 0;
  }
  out.print("[NAME]\nmpibench\\-{} \\- {}\n", roff(command->name), roff(command->summary));
  print_examples(out, command->examples);
  if (!command->notes.empty()) {
    std::string notes = roff(command->notes);
    for (std::size_t at = notes.find("\n\n"); at != std::string::npos; at = notes.find("\n\n", at)) {
      notes.replace(at, 2, "\n.PP\n");
    }
    out.print("[EXIT STATUS]\n{}\n", notes);
  }
  print_see_also(out, command->name, command->guide);
  return 0;
}
