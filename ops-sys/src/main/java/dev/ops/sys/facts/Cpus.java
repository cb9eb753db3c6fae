package dev.ops.sys.facts;

/**
 * The processors, from /proc/cpuinfo and /sys/devices/system/cpu/online.
 *
 * @param logical logical CPUs listed in /proc/cpuinfo
 * @param online CPUs the kernel has online
 * @param sockets distinct physical packages (1 where the kernel does not say)
 * @param coresPerSocket cores per package (0 where the kernel does not say)
 * @param modelName the model name of the first CPU (empty on architectures that do not give one)
 * @param vendor the vendor id (empty where not given)
 */
public record Cpus(int logical, int online, int sockets, int coresPerSocket, String modelName, String vendor) {}
