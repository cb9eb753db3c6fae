package dev.ops.gpu.pci;

import dev.ops.core.text.AsciiNumbers;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Vendor and device names from a {@code pci.ids} file (the Debian package {@code pci.ids} installs it
 * at {@code /usr/share/misc/pci.ids}, hwdata at {@code /usr/share/hwdata/pci.ids}). Parsed lazily: the
 * first lookup indexes where each vendor's block starts, and a vendor's devices are read when one of
 * them is asked for. Thread-safe.
 */
public final class PciIds {
    private static final PciIds NONE = new PciIds("");
    private final String text;
    private Map<Integer, int[]> vendors;
    private final Map<Integer, Map<Integer, String>> devices = new HashMap<>();

    private PciIds(String text) {
        this.text = text;
    }

    /** The names in {@code text}, a pci.ids file's content. */
    public static PciIds parse(String text) {
        return new PciIds(text);
    }

    /** No names at all, for hosts without a pci.ids file. */
    public static PciIds none() {
        return NONE;
    }

    /** The vendor's name ({@code 10de} is {@code NVIDIA Corporation}). */
    public Optional<String> vendor(int vendor) {
        int[] at = index().get(vendor);
        return at == null ? Optional.empty() : Optional.of(text.substring(at[0], at[1]));
    }

    /** The device's name, within its vendor. */
    public synchronized Optional<String> device(int vendor, int device) {
        int[] at = index().get(vendor);
        if (at == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(devices.computeIfAbsent(vendor, v -> block(at[1])).get(device));
    }

    private synchronized Map<Integer, int[]> index() {
        if (vendors == null) {
            Map<Integer, int[]> m = new HashMap<>();
            int pos = 0;
            int n = text.length();
            while (pos < n) {
                int nl = text.indexOf('\n', pos);
                int end = nl < 0 ? n : nl;
                // "C xx  class" starts the class list at the end of the file: vendors are over
                if (end - pos >= 6 && text.charAt(pos) == 'C' && text.charAt(pos + 1) == ' ') {
                    break;
                }
                if (end - pos > 6 && isHex4(pos) && text.charAt(pos + 4) == ' ') {
                    int id = AsciiNumbers.parseInt(text.substring(pos, pos + 4), 16);
                    int nameStart = pos + 4;
                    while (nameStart < end && text.charAt(nameStart) == ' ') {
                        nameStart++;
                    }
                    m.putIfAbsent(id, new int[] {nameStart, end});
                }
                pos = end + 1;
            }
            vendors = m;
        }
        return vendors;
    }

    private Map<Integer, String> block(int from) {
        Map<Integer, String> m = new HashMap<>();
        int pos = from + 1;
        int n = text.length();
        while (pos < n) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? n : nl;
            char c = text.charAt(pos);
            if (c != '\t' && c != '#' && end > pos) {
                break;
            }
            if (c == '\t' && end - pos > 6 && text.charAt(pos + 1) != '\t' && isHex4(pos + 1)) {
                int nameStart = pos + 5;
                while (nameStart < end && text.charAt(nameStart) == ' ') {
                    nameStart++;
                }
                m.put(AsciiNumbers.parseInt(text.substring(pos + 1, pos + 5), 16), text.substring(nameStart, end));
            }
            pos = end + 1;
        }
        return m;
    }

    private boolean isHex4(int at) {
        if (at + 4 > text.length()) {
            return false;
        }
        for (int i = at; i < at + 4; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
