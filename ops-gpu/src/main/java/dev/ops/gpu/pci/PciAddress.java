package dev.ops.gpu.pci;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.core.error.Violations;
import java.util.Locale;

/**
 * The address of one PCI function, {@code domain:bus:device.function} ({@code 0000:01:00.0}), as sysfs
 * names it. Parsed strictly: {@code 01:00} (no function) and {@code 0000:01:00.8} (function above 7)
 * are refused with a {@link dev.ops.core.error.ValidationException} naming the field.
 *
 * @param domain the PCI domain (segment), 0 to 0xffff
 * @param bus the bus, 0 to 0xff
 * @param device the device (slot) on the bus, 0 to 0x1f
 * @param function the function of the device, 0 to 7
 */
public record PciAddress(int domain, int bus, int device, int function) implements Comparable<PciAddress> {

    public PciAddress {
        Violations v = Violations.of("PCI address");
        v.check(domain >= 0 && domain <= 0xffff, "domain", "must be 0 to ffff, not " + domain);
        v.check(bus >= 0 && bus <= 0xff, "bus", "must be 0 to ff, not " + bus);
        v.check(device >= 0 && device <= 0x1f, "device", "must be 0 to 1f, not " + device);
        v.check(function >= 0 && function <= 7, "function", "must be 0 to 7, not " + function);
        v.throwIfAny();
    }

    /** {@link #parse(String, String)} with the field named {@code address}. */
    public static PciAddress parse(String text) {
        return parse(text, "address");
    }

    /**
     * Parses {@code dddd:bb:dd.f} or {@code bb:dd.f} (domain 0); hex digits of either case. A malformed
     * address fails with a {@link dev.ops.core.error.ValidationException} whose violation names {@code field}.
     */
    public static PciAddress parse(String text, String field) {
        PciAddress a = tryParse(text);
        if (a == null) {
            Violations.of("PCI address").add(field, "'" + text + "' is not a PCI function address (dddd:bb:dd.f, function 0 to 7)")
                    .throwIfAny();
        }
        return a;
    }

    /** The address, or null when {@code text} is not one; for parsers of lists that skip what is not an address. */
    static PciAddress tryParse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        int dot = s.lastIndexOf('.');
        if (dot < 0 || dot != s.length() - 2) {
            return null;
        }
        String[] parts = s.substring(0, dot).split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            return null;
        }
        int i = 0;
        int domain = 0;
        if (parts.length == 3) {
            if (parts[0].isEmpty() || parts[0].length() > 8) {
                return null;
            }
            domain = hex(parts[i++]);
        }
        if (parts[i].length() != 2 || parts[i + 1].length() != 2) {
            return null;
        }
        int bus = hex(parts[i]);
        int dev = hex(parts[i + 1]);
        int fn = hex(s.substring(dot + 1));
        if (domain < 0 || domain > 0xffff || bus < 0 || dev < 0 || dev > 0x1f || fn < 0 || fn > 7) {
            return null;
        }
        return new PciAddress(domain, bus, dev, fn);
    }

    private static int hex(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        int v = 0;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!AsciiNumbers.isHexDigit(c)) {
                return -1;
            }
            int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
            v = v * 16 + d;
            if (v > 0xffffff) {
                return -1;
            }
        }
        return v;
    }

    /** The slot this function belongs to: the same address without the function ({@code 0000:01:00}). */
    public String slot() {
        return String.format(Locale.ROOT, "%04x:%02x:%02x", domain, bus, device);
    }

    /** Whether {@code other} is another function of the same slot. */
    public boolean sameSlot(PciAddress other) {
        return domain == other.domain && bus == other.bus && device == other.device;
    }

    /** The function-0 address of this slot. */
    public PciAddress functionZero() {
        return new PciAddress(domain, bus, device, 0);
    }

    @Override
    public int compareTo(PciAddress o) {
        int c = Integer.compare(domain, o.domain);
        c = c != 0 ? c : Integer.compare(bus, o.bus);
        c = c != 0 ? c : Integer.compare(device, o.device);
        return c != 0 ? c : Integer.compare(function, o.function);
    }

    /** The sysfs name, {@code 0000:01:00.0}. */
    @Override
    public String toString() {
        return slot() + "." + function;
    }
}
