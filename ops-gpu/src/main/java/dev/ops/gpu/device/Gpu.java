package dev.ops.gpu.device;

import dev.ops.gpu.pci.PciAddress;
import dev.ops.gpu.pci.PciDevice;
import java.util.ArrayList;
import java.util.List;

/**
 * A GPU (class 0x0300 VGA or 0x0302 3D) with the other functions of its slot (HDMI audio, USB-C and
 * its UCSI serial bus controller), which go to a guest together with it.
 *
 * @param device the GPU function
 * @param siblings the slot's other functions, in function order
 * @param isolation whether its IOMMU group can be given to a guest whole
 */
public record Gpu(PciDevice device, List<PciDevice> siblings, Isolation isolation) {

    public Gpu {
        siblings = List.copyOf(siblings);
    }

    /** The GPU's address. */
    public PciAddress address() {
        return device.address();
    }

    /** The GPU and its siblings, in function order: what a detach moves. */
    public List<PciDevice> functions() {
        List<PciDevice> all = new ArrayList<>();
        all.add(device);
        all.addAll(siblings);
        all.sort((a, b) -> a.address().compareTo(b.address()));
        return List.copyOf(all);
    }

    /** Whether every function of the slot is bound to vfio-pci. */
    public boolean detached() {
        return functions().stream().allMatch(PciDevice::onVfio);
    }
}
