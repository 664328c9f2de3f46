#pragma once
// Whether this build runs under SimGrid's SMPI (cmake -DMPIBENCH_SMPI=ON): every rank is a
// simulated process of one real process, and time is simulated time.
namespace mpibench {

#ifdef MPIBENCH_SMPI
inline constexpr bool simulated = true;
#else
inline constexpr bool simulated = false;
#endif

}  // namespace mpibench
