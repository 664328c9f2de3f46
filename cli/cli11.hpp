#pragma once
// CLI11, as cli/ includes it. Under SimGrid's SMPI, the compiler wrapper defines `exit` as a
// macro (a simulated rank must not end the process), which would rewrite CLI11's
// `App::exit`; the macro is set aside for CLI11's declarations only.
#ifdef exit
#pragma push_macro("exit")
#undef exit
#include <CLI/CLI.hpp>
#pragma pop_macro("exit")
#else
#include <CLI/CLI.hpp>
#endif
