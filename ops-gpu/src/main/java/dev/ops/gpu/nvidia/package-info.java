/** NVIDIA details (memory, power limit, persistence mode, clocks, temperature, processes) through nvidia-smi: {@link dev.ops.gpu.nvidia.NvidiaSmi}. */
package dev.ops.gpu.nvidia;
