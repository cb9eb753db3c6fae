package dev.ops.gpu.device;

import java.util.ArrayList;
import java.util.List;

/**
 * A PCI expansion ROM (a GPU's vBIOS, a {@code romfile}) read as the PCI Firmware Specification lays it
 * out: a chain of images, each starting with the signature {@code 55 AA} and pointing (offset 0x18) to a
 * {@code PCIR} data structure that gives the vendor and device ids, the image's length in 512-byte
 * units, its code type (0 legacy x86 BIOS, 3 UEFI) and whether it is the last image. A guest booted
 * with OVMF needs a UEFI image.
 *
 * @param codeTypes the code type of each image found, in order
 * @param vendor the vendor id of the first image's PCIR structure, 0 when there is none
 * @param device the device id of the first image's PCIR structure, 0 when there is none
 * @param defect what makes the file no usable ROM, in words; empty when it is one
 */
public record RomImage(List<Integer> codeTypes, int vendor, int device, String defect) {
    /** Code type of a legacy x86 BIOS image. */
    public static final int LEGACY = 0;
    /** Code type of a UEFI image. */
    public static final int EFI = 3;
    private static final int MAX_IMAGES = 16;
    /** How far into a file a misplaced first image is looked for (an nvflash or GPU-Z header is a few hundred bytes). */
    private static final int HEADER_SEARCH = 4096;

    public RomImage {
        codeTypes = List.copyOf(codeTypes);
    }

    /** The images in {@code rom}, and what is wrong with it, if anything. */
    public static RomImage parse(byte[] rom) {
        if (rom.length == 0) {
            return new RomImage(List.of(), 0, 0, "is empty");
        }
        if (!imageAt(rom, 0)) {
            for (int at = 1; at < Math.min(rom.length, HEADER_SEARCH); at++) {
                if (imageAt(rom, at)) {
                    return new RomImage(List.of(), 0, 0, "has " + at + " bytes before its first image (55 AA at offset 0x" + Integer.toHexString(at)
                            + "), a header such as nvflash writes; cut them off (dd if=<file> of=<new> bs=1 skip=" + at + ")");
                }
            }
            return new RomImage(List.of(), 0, 0, "is no PCI expansion ROM: it does not start with the signature 55 AA and a PCIR structure");
        }
        List<Integer> types = new ArrayList<>();
        int at = 0;
        int vendor = u16(rom, pcir(rom, 0) + 4);
        int device = u16(rom, pcir(rom, 0) + 6);
        while (types.size() < MAX_IMAGES) {
            int p = pcir(rom, at);
            int length = u16(rom, p + 0x10) * 512;
            types.add(rom[p + 0x14] & 0xff);
            int n = types.size();
            if (length == 0) {
                return new RomImage(types, vendor, device, "image " + n + " (at offset 0x" + Integer.toHexString(at) + ") gives its length as 0");
            }
            if (at + length > rom.length) {
                return new RomImage(types, vendor, device, "is truncated: image " + n + " (at offset 0x" + Integer.toHexString(at) + ") is "
                        + length + " bytes long, but the file ends " + (rom.length - at) + " bytes after its start");
            }
            if ((rom[p + 0x15] & 0x80) != 0) {
                return new RomImage(types, vendor, device, "");
            }
            at += length;
            if (!imageAt(rom, at)) {
                return new RomImage(types, vendor, device, "image " + n + " is not marked last, but no image follows at offset 0x"
                        + Integer.toHexString(at) + (at >= rom.length ? " (the file ends there: truncated?)" : ""));
            }
        }
        return new RomImage(types, vendor, device, "has more than " + MAX_IMAGES + " images");
    }

    /** Whether an image header with a PCIR structure inside the file starts at {@code at}. */
    private static boolean imageAt(byte[] rom, int at) {
        if (at + 0x1a > rom.length || (rom[at] & 0xff) != 0x55 || (rom[at + 1] & 0xff) != 0xaa) {
            return false;
        }
        int p = pcir(rom, at);
        return p + 0x18 <= rom.length && rom[p] == 'P' && rom[p + 1] == 'C' && rom[p + 2] == 'I' && rom[p + 3] == 'R';
    }

    private static int pcir(byte[] rom, int at) {
        return at + u16(rom, at + 0x18);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    /** Whether the file is a well-formed ROM with at least one image. */
    public boolean valid() {
        return defect.isEmpty() && !codeTypes.isEmpty();
    }

    /** Whether one of the images is UEFI code, which OVMF needs. */
    public boolean hasEfi() {
        return codeTypes.contains(EFI);
    }

    /** {@code vendor:device} of the first image ({@code 10de:2204}), as lspci -nn writes ids. */
    public String ids() {
        return String.format(java.util.Locale.ROOT, "%04x:%04x", vendor, device);
    }
}
