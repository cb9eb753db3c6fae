package dev.ops.gpu.nvidia;

import dev.ops.gpu.pci.PciAddress;

/**
 * One NVIDIA GPU as {@code nvidia-smi --query-gpu} reports it. Numbers the tool reports as
 * {@code [N/A]} or {@code [Not Supported]} are -1.
 *
 * @param index the driver's index
 * @param address the PCI address
 * @param uuid the GPU's UUID ({@code GPU-...})
 * @param name the product name
 * @param driverVersion the driver's version
 * @param memoryTotalMib total framebuffer memory, MiB
 * @param memoryUsedMib used framebuffer memory, MiB
 * @param powerLimitWatts the power limit in force, W
 * @param powerDrawWatts the power drawn now, W
 * @param persistenceMode whether persistence mode is on
 * @param graphicsClockMhz the graphics clock now, MHz
 * @param maxGraphicsClockMhz the highest graphics clock, MHz
 * @param temperatureC the core temperature, degrees Celsius
 */
public record NvidiaGpu(int index, PciAddress address, String uuid, String name, String driverVersion, long memoryTotalMib,
        long memoryUsedMib, double powerLimitWatts, double powerDrawWatts, boolean persistenceMode, int graphicsClockMhz,
        int maxGraphicsClockMhz, int temperatureC) {}
