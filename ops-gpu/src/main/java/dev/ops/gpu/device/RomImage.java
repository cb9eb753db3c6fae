package dev.ops.gpu.device;

import java.util.ArrayList;
import java.util.List;

/**
 * The images of a PCI option ROM (a GPU's vBIOS): each starts with {@code 55 AA} and points to a
 * {@code PCIR} structure that says its code type (0 legacy x86 BIOS, 3 UEFI) and whether it is the last.
 * A guest booted with OVMF needs a UEFI image.
 *
 * @param codeTypes the code type of each image, in order
 */
public record RomImage(List<Integer> codeTypes) {

    public RomImage {
        codeTypes = List.copyOf(codeTypes);
    }

    /** Code type of a UEFI image. */
    public static final int EFI = 3;

    /** The images in {@code rom}; none when it is empty or does not start with the ROM signature. */
    public static RomImage parse(byte[] rom) {
        List<Integer> types = new ArrayList<>();
        int at = 0;
        while (at + 0x1a < rom.length && (rom[at] & 0xff) == 0x55 && (rom[at + 1] & 0xff) == 0xaa && types.size() < 16) {
            int pcir = at + u16(rom, at + 0x18);
            if (pcir + 0x18 > rom.length || rom[pcir] != 'P' || rom[pcir + 1] != 'C' || rom[pcir + 2] != 'I' || rom[pcir + 3] != 'R') {
                break;
            }
            types.add(rom[pcir + 0x14] & 0xff);
            int length = u16(rom, pcir + 0x10) * 512;
            boolean last = (rom[pcir + 0x15] & 0x80) != 0;
            if (last || length == 0) {
                break;
            }
            at += length;
        }
        return new RomImage(types);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    /** Whether there is any valid image. */
    public boolean valid() {
        return !codeTypes.isEmpty();
    }

    /** Whether one of the images is UEFI code, which OVMF needs. */
    public boolean hasEfi() {
        return codeTypes.contains(EFI);
    }
}
