package dev.ops.gpu.device.internal;

import dev.ops.core.host.Host;
import dev.ops.gpu.device.Problem;
import dev.ops.gpu.device.Problem.Severity;
import dev.ops.gpu.device.RomImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a {@code romfile} on the node that will give it to a guest: it must exist under the ROM
 * directory ({@code /usr/share/kvm} as Proxmox has it), be a well-formed PCI expansion ROM, hold a UEFI
 * image when the guest boots with OVMF, and (a warning) be made for the device it is given to. Reads
 * only; the GPU's own ROM is not read (that needs {@code echo 1 > rom} in sysfs, a write).
 */
public final class RomCheck {
    /** Where Proxmox's QEMU looks for a hostpci {@code romfile}. */
    public static final String KVM_DIRECTORY = "/usr/share/kvm";

    private RomCheck() {}

    /**
     * The problems with {@code romfile} on {@code node}; {@code field} is the field the problems name,
     * {@code ids} the {@code vendor:device} the ROM should be for (empty to not check).
     */
    public static List<Problem> problems(Host node, String directory, String romfile, boolean ovmf, String ids, String field) {
        List<Problem> p = new ArrayList<>();
        String path = directory + "/" + romfile;
        Optional<byte[]> rom = node.readFile(path, false);
        if (rom.isEmpty()) {
            p.add(new Problem(Severity.ERROR, "rom-missing", field, path + " does not exist on " + node.name()
                    + "; QEMU would refuse to start the guest"));
            return p;
        }
        RomImage img = RomImage.parse(rom.get());
        if (!img.valid()) {
            p.add(new Problem(Severity.ERROR, "rom-invalid", field, path + " " + img.defect()));
            return p;
        }
        if (ovmf && !img.hasEfi()) {
            p.add(new Problem(Severity.ERROR, "rom-no-uefi", field, path + " has no UEFI image (code types " + img.codeTypes()
                    + ") but the guest boots with OVMF; use a ROM with a UEFI image (GOP), or SeaBIOS"));
        }
        if (!ids.isEmpty() && !img.ids().equals(ids)) {
            p.add(new Problem(Severity.WARNING, "rom-other-device", field, path + " is made for " + img.ids() + ", not the GPU's " + ids));
        }
        return p;
    }
}
