package dev.ops.gpu.nvidia;

import dev.ops.gpu.pci.PciAddress;

/**
 * A compute process on an NVIDIA GPU, as {@code nvidia-smi --query-compute-apps} reports it.
 *
 * @param gpu the GPU's address
 * @param pid the process id
 * @param name the process name
 * @param usedMemoryMib the GPU memory it uses, MiB; -1 when not reported
 */
public record NvidiaProcess(PciAddress gpu, int pid, String name, long usedMemoryMib) {}
