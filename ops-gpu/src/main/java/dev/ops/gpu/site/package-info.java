/** A host's GPUs named by role, loaded from YAML and checked against the host's devices: {@link dev.ops.gpu.site.GpuSite}. */
package dev.ops.gpu.site;
