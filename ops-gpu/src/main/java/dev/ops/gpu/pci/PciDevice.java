package dev.ops.gpu.pci;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One PCI function as sysfs shows it under {@code /sys/bus/pci/devices/<address>}.
 *
 * @param address its address
 * @param pciClass its class code
 * @param vendor the vendor id ({@code 0x10de} is NVIDIA)
 * @param device the device id
 * @param subsystemVendor the subsystem vendor id, 0 when sysfs has none
 * @param subsystemDevice the subsystem device id, 0 when sysfs has none
 * @param driver the driver bound now, empty when none
 * @param driverOverride the driver the next probe binds to ({@code driver_override}), empty when not set
 * @param iommuGroup the IOMMU group, -1 when the IOMMU is off
 * @param numaNode the NUMA node, -1 when the machine has one node or does not say
 * @param localCpus the CPUs close to the device ({@code local_cpulist}, {@code 0-7,16-23}), empty when not known
 * @param resetMethods the reset methods the kernel can use ({@code flr}, {@code bus}, ...), empty when none
 * @param bootVga whether the firmware initialised this device as the boot display
 * @param hasRom whether sysfs exposes an option ROM for it
 * @param link the PCIe link, with empty speeds and zero widths for a conventional PCI function
 * @param bars the memory and I/O regions that are assigned, in BAR order
 * @param drmNodes the DRM nodes of the device ({@code card0}, {@code renderD128})
 * @param vendorName the vendor's name from pci.ids, empty when unknown
 * @param deviceName the device's name from pci.ids, empty when unknown
 */
public record PciDevice(PciAddress address, PciClass pciClass, int vendor, int device, int subsystemVendor, int subsystemDevice,
        String driver, String driverOverride, int iommuGroup, int numaNode, String localCpus, List<String> resetMethods, boolean bootVga, boolean hasRom,
        PciLink link, List<PciBar> bars, List<String> drmNodes, String vendorName, String deviceName) {

    public PciDevice {
        resetMethods = List.copyOf(resetMethods);
        bars = List.copyOf(bars);
        drmNodes = List.copyOf(drmNodes);
    }

    /** {@code vendor:device} as lspci -nn and Proxmox's mappings write it ({@code 10de:2204}). */
    public String ids() {
        return String.format(Locale.ROOT, "%04x:%04x", vendor, device);
    }

    /** The driver bound now, if any. */
    public Optional<String> boundDriver() {
        return driver.isEmpty() ? Optional.empty() : Optional.of(driver);
    }

    /** Whether vfio-pci holds the device, ready for a guest. */
    public boolean onVfio() {
        return driver.equals("vfio-pci");
    }

    /** Whether the kernel can reset the device by some method of its own (function level, bus, PM, vendor quirk). */
    public boolean resettable() {
        return !resetMethods.isEmpty();
    }

    /** A name for reports: the pci.ids names when known, the ids otherwise, with the class's kind. */
    public String label() {
        String name = (vendorName + " " + deviceName).strip();
        return address + " " + pciClass.kind() + " [" + ids() + "]" + (name.isEmpty() ? "" : " " + name);
    }
}
