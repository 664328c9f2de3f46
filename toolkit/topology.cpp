#include "toolkit/topology.hpp"

#include <hwloc.h>

#include <fmt/format.h>

#include <cstdlib>

#include "toolkit/errors.hpp"

namespace mpibench {
namespace {

// The logical index of the one object of `type` whose CPUs meet `set`, or -1 when several do.
int only_one(hwloc_topology_t topology, hwloc_obj_type_t type, hwloc_const_bitmap_t set) {
  int found = -1;
  const int count = hwloc_get_nbobjs_by_type(topology, type);
  for (int i = 0; i < count; ++i) {
    const hwloc_obj_t object = hwloc_get_obj_by_type(topology, type, static_cast<unsigned>(i));
    if (object->cpuset == nullptr || !hwloc_bitmap_intersects(object->cpuset, set)) continue;
    if (found >= 0) return -1;
    found = static_cast<int>(object->logical_index);
  }
  return found;
}

std::string counted(int count, const char* one, const char* many) {
  return fmt::format("{} {}", count, count == 1 ? one : many);
}

}  // namespace

struct Topology::Impl {
  hwloc_topology_t topology = nullptr;
};

Topology::Topology(const std::optional<std::string>& spec) : impl_(std::make_unique<Impl>()) {
  hwloc_topology_init(&impl_->topology);
  int status = 0;
  if (spec && spec->starts_with("synthetic:")) {
    status = hwloc_topology_set_synthetic(impl_->topology, spec->substr(10).c_str());
  } else if (spec && spec->starts_with("xml:")) {
    status = hwloc_topology_set_xml(impl_->topology, spec->substr(4).c_str());
  } else if (spec) {
    status = -1;
  }
  if (!spec) hwloc_topology_set_io_types_filter(impl_->topology, HWLOC_TYPE_FILTER_KEEP_IMPORTANT);
  if (status == 0) status = hwloc_topology_load(impl_->topology);
  if (status != 0) {
    hwloc_topology_destroy(impl_->topology);
    throw UsageError(fmt::format("MPIBENCH_TOPOLOGY='{}': hwloc cannot build that topology (give "
                                 "synthetic:DESCRIPTION, as 'synthetic:package:2 core:4 pu:1', or xml:FILE)",
                                 *spec));
  }
}

Topology::~Topology() { hwloc_topology_destroy(impl_->topology); }

RankLocation Topology::locate(std::span<const int> pus) const {
  hwloc_topology_t topology = impl_->topology;
  hwloc_bitmap_t set = hwloc_bitmap_alloc();
  for (const int pu : pus) hwloc_bitmap_set(set, static_cast<unsigned>(pu));
  // Only the PUs this topology has: a synthetic machine smaller than the real one.
  hwloc_bitmap_and(set, set, hwloc_topology_get_topology_cpuset(topology));
  RankLocation location;
  if (!hwloc_bitmap_iszero(set)) {
    location = {only_one(topology, HWLOC_OBJ_PACKAGE, set), only_one(topology, HWLOC_OBJ_NUMANODE, set),
                only_one(topology, HWLOC_OBJ_CORE, set), only_one(topology, HWLOC_OBJ_PU, set)};
  }
  hwloc_bitmap_free(set);
  return location;
}

std::string Topology::summary() const {
  hwloc_topology_t topology = impl_->topology;
  return fmt::format("{}, {}, {}, {}",
                     counted(hwloc_get_nbobjs_by_type(topology, HWLOC_OBJ_PACKAGE), "package", "packages"),
                     counted(hwloc_get_nbobjs_by_type(topology, HWLOC_OBJ_NUMANODE), "NUMA node", "NUMA nodes"),
                     counted(hwloc_get_nbobjs_by_type(topology, HWLOC_OBJ_CORE), "core", "cores"),
                     counted(hwloc_get_nbobjs_by_type(topology, HWLOC_OBJ_PU), "PU", "PUs"));
}

std::vector<std::string> Topology::devices() const {
  std::vector<std::string> found;
  for (hwloc_obj_t device = hwloc_get_next_osdev(impl_->topology, nullptr); device != nullptr;
       device = hwloc_get_next_osdev(impl_->topology, device)) {
    const auto kind = device->attr->osdev.type;
    if (kind != HWLOC_OBJ_OSDEV_NETWORK && kind != HWLOC_OBJ_OSDEV_OPENFABRICS && kind != HWLOC_OBJ_OSDEV_GPU &&
        kind != HWLOC_OBJ_OSDEV_COPROC) {
      continue;
    }
    const hwloc_obj_t near = hwloc_get_non_io_ancestor_obj(impl_->topology, device);
    hwloc_obj_t package = near;
    if (package != nullptr && package->type != HWLOC_OBJ_PACKAGE) {
      package = hwloc_get_ancestor_obj_by_type(impl_->topology, HWLOC_OBJ_PACKAGE, package);
    }
    found.push_back(package ? fmt::format("{} (package {})", device->name, package->logical_index)
                            : fmt::format("{} (the machine)", device->name));
  }
  return found;
}

std::string location_text(const RankLocation& location) {
  const auto level = [](const char* name, int index) {
    return index >= 0 ? fmt::format("{} {}", name, index) : fmt::format("{} several", name);
  };
  return fmt::format("{} {} {} {}", level("package", location.package), level("NUMA", location.numa),
                     level("core", location.core), level("PU", location.pu));
}

std::optional<std::string> topology_spec_from_environment() {
  const char* value = std::getenv("MPIBENCH_TOPOLOGY");
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

}  // namespace mpibench
