/** How NVIDIA settings are changed through nvidia-smi; not API. */
package dev.ops.gpu.nvidia.internal;
