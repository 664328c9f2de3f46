#!/usr/bin/python3
"""Prints a flat cluster of N hosts as platforms/cluster-N.xml has them (1 us, 10 GB/s per
host link, a non-blocking backbone), except that one host's link runs at 1 GB/s: the slowed
link that `mpibench linkmap` must find.

    slowed_platform.py N SLOW_HOST > slowed.xml
"""
import sys


def platform(hosts, slow):
    lines = ["<?xml version='1.0'?>",
             '<!DOCTYPE platform SYSTEM "https://simgrid.org/simgrid.dtd">',
             f"<!-- {hosts} hosts, each with its own link (1 us; 10 GB/s, node-{slow}'s 1 GB/s) to a "
             "non-blocking backbone. -->",
             '<platform version="4.1">',
             "  <config>",
             '    <prop id="smpi/lat-factor" value="0:1"/>',
             '    <prop id="smpi/bw-factor" value="0:1"/>',
             '    <prop id="smpi/simulate-computation" value="no"/>',
             '    <prop id="smpi/test" value="1e-7"/>',
             '    <prop id="smpi/iprobe" value="1e-7"/>',
             '    <prop id="smpi/grow-injected-times" value="no"/>',
             '    <prop id="smpi/coll-selector" value="ompi"/>',
             '    <prop id="smpi/barrier" value="ompi_tree"/>',
             "  </config>",
             '  <zone id="cluster" routing="Cluster">']
    for i in range(hosts):
        bandwidth = "1GBps" if i == slow else "10GBps"
        lines += [f'    <host id="node-{i}" speed="1Gf"/>',
                  f'    <link id="link-{i}" bandwidth="{bandwidth}" latency="1us" sharing_policy="SPLITDUPLEX"/>',
                  f'    <host_link id="node-{i}" up="link-{i}_UP" down="link-{i}_DOWN"/>']
    lines += [f'    <backbone id="backbone" bandwidth="{10 * hosts}GBps" latency="0us"/>', "  </zone>", "</platform>"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.stdout.write(platform(int(sys.argv[1]), int(sys.argv[2])))
