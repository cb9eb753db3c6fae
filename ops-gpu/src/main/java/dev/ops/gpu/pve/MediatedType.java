package dev.ops.gpu.pve;

/**
 * A mediated device type a node offers for a PCI device (NVIDIA vGPU, Intel GVT-g), for {@code hostpciN}'s {@code mdev}.
 *
 * @param type the type's name ({@code nvidia-63}, {@code i915-GVTg_V5_4})
 * @param name a readable name, empty when the node gives none
 * @param description what it offers (memory, resolution, instances)
 * @param available how many more instances can be created
 */
public record MediatedType(String type, String name, String description, int available) {}
