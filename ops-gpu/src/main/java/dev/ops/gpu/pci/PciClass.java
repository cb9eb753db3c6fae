package dev.ops.gpu.pci;

import java.util.Locale;

/**
 * A PCI class code: base class, subclass and programming interface ({@code 0x030000} is a VGA controller).
 *
 * @param code the 24-bit class code as sysfs prints it
 */
public record PciClass(int code) {

    /** The class from its sysfs text ({@code 0x030000}). */
    public static PciClass of(int code) {
        return new PciClass(code);
    }

    /** The base class and subclass, {@code 0x0300}. */
    public int classAndSubclass() {
        return code >>> 8;
    }

    /** The base class, {@code 0x03} for display controllers. */
    public int baseClass() {
        return code >>> 16;
    }

    /** A display controller that is a GPU: VGA compatible (0x0300) or 3D (0x0302). */
    public boolean isGpu() {
        return classAndSubclass() == 0x0300 || classAndSubclass() == 0x0302;
    }

    /** Any display controller (base class 0x03), a GPU or another one (0x0380). */
    public boolean isDisplay() {
        return baseClass() == 0x03;
    }

    /** HD audio (0x0403) or another audio device (0x0401): the HDMI audio function of a GPU. */
    public boolean isAudio() {
        return classAndSubclass() == 0x0403 || classAndSubclass() == 0x0401;
    }

    /** A USB controller (0x0c03), as on GPUs with a USB-C port. */
    public boolean isUsb() {
        return classAndSubclass() == 0x0c03;
    }

    /** A serial bus controller (0x0c80), the UCSI function next to a GPU's USB-C controller. */
    public boolean isSerialBus() {
        return classAndSubclass() == 0x0c80;
    }

    /** A bridge (base class 0x06): host, ISA, PCI-to-PCI; Proxmox leaves bridges of a group with the host. */
    public boolean isBridge() {
        return baseClass() == 0x06;
    }

    /** A network controller (base class 0x02). */
    public boolean isNetwork() {
        return baseClass() == 0x02;
    }

    /** A mass storage controller (base class 0x01): SATA, NVMe, RAID. */
    public boolean isStorage() {
        return baseClass() == 0x01;
    }

    /** What kind of device this is, in words an operator reads in a problem report. */
    public String kind() {
        if (isGpu()) {
            return "GPU";
        }
        if (isAudio()) {
            return "audio device";
        }
        if (isUsb()) {
            return "USB controller";
        }
        if (isNetwork()) {
            return "network controller";
        }
        if (isStorage()) {
            return switch (classAndSubclass()) {
                case 0x0108 -> "NVMe storage controller";
                case 0x0106 -> "SATA storage controller";
                case 0x0107 -> "SAS storage controller";
                case 0x0104 -> "RAID storage controller";
                default -> "storage controller";
            };
        }
        if (isBridge()) {
            return "bridge";
        }
        if (isSerialBus()) {
            return "serial bus controller";
        }
        return "device of class " + this;
    }

    /** The class as {@code 0x030000}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "0x%06x", code);
    }
}
