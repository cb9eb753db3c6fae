package dev.ops.gpu.device;

import dev.ops.gpu.pci.PciAddress;
import java.util.Map;

/**
 * Which driver holds each function of a GPU's slot after a detach or attach.
 *
 * @param gpu the GPU
 * @param drivers the driver of each function of the slot, empty for none
 */
public record GpuBinding(PciAddress gpu, Map<PciAddress, String> drivers) {

    public GpuBinding {
        drivers = Map.copyOf(drivers);
    }
}
