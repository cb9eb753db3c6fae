package dev.ops.gpu.pve;

import dev.ops.core.error.Violations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The value of a Proxmox guest's {@code hostpciN} key, built and parsed with the rules of the
 * {@code pve-qm-hostpci} format: a resource {@code mapping} or raw {@code host} ids (one of them,
 * never both; several hosts separated by {@code ;}, a function left out meaning every function of the
 * slot), {@code pcie}, {@code x-vga}, {@code rombar}, {@code romfile}, {@code mdev}, id overrides
 * ({@code vendor-id}, {@code device-id}, {@code sub-vendor-id}, {@code sub-device-id} as {@code 0x} and
 * four hex digits), {@code legacy-igd} and {@code driver} ({@code vfio} or {@code keep}, PVE 9 only).
 * Rules that depend on the guest (pcie needs q35) or the server (driver needs PVE 9; raw hosts need
 * root@pam) are checked by the change that sets it. Every problem is reported at once, by field.
 */
public final class HostPci {
    private static final Pattern PCI_ID = Pattern.compile("(?:[a-f0-9]{4,}:)?[a-f0-9]{2}:[a-f0-9]{2}(?:\\.[a-f0-7])?");
    private static final Pattern CONFIG_ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]*");
    private static final Pattern HEX_ID = Pattern.compile("0x[0-9a-fA-F]{4}");
    private static final List<String> KEYS = List.of("host", "device-id", "driver", "legacy-igd", "mapping", "mdev", "pcie", "rombar",
            "romfile", "sub-device-id", "sub-vendor-id", "vendor-id", "x-vga");

    private final List<String> hosts;
    private final String mapping;
    private final Map<String, String> options;

    private HostPci(List<String> hosts, String mapping, Map<String, String> options) {
        this.hosts = List.copyOf(hosts);
        this.mapping = mapping;
        this.options = Map.copyOf(options);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A value built by {@code edit}. */
    public static HostPci of(Consumer<Builder> edit) {
        Builder b = builder();
        edit.accept(b);
        return b.build();
    }

    /** Parses a {@code hostpciN} value as Proxmox writes it ({@code 0000:01:00,pcie=1,x-vga=1}, {@code mapping=gpu0,pcie=1}). */
    public static HostPci parse(String text) {
        Builder b = builder();
        Violations v = Violations.of("hostpci");
        if (text == null || text.isBlank()) {
            v.add("hostpci", "empty").throwIfAny();
        }
        boolean first = true;
        for (String part : text.split(",", -1)) {
            int eq = part.indexOf('=');
            String key = eq < 0 && first ? "host" : eq < 0 ? part : part.substring(0, eq);
            String val = eq < 0 ? (first ? part : "") : part.substring(eq + 1);
            first = false;
            if (!KEYS.contains(key)) {
                v.add(key, "not a hostpci option (" + String.join(", ", KEYS) + ")");
                continue;
            }
            if (b.raw.containsKey(key) || (key.equals("host") && !b.hosts.isEmpty())) {
                v.add(key, "given twice");
                continue;
            }
            switch (key) {
                case "host" -> b.hosts.addAll(List.of(val.split(";", -1)));
                case "mapping" -> b.mapping = val;
                default -> b.raw.put(key, val);
            }
        }
        v.throwIfAny();
        return b.build();
    }

    /** The raw host ids, empty with a mapping. */
    public List<String> hosts() {
        return hosts;
    }

    /** The resource mapping's id, if the value names one. */
    public Optional<String> mapping() {
        return mapping.isEmpty() ? Optional.empty() : Optional.of(mapping);
    }

    /** Whether the value names raw host ids, which only root@pam may set. */
    public boolean raw() {
        return mapping.isEmpty();
    }

    /** Whether the device sits on the guest's PCIe bus ({@code pcie=1}; needs the q35 machine). */
    public boolean pcie() {
        return "1".equals(options.get("pcie"));
    }

    /** Whether the device is the guest's primary GPU ({@code x-vga=1}). */
    public boolean xVga() {
        return "1".equals(options.get("x-vga"));
    }

    /** The option {@code key} as written, if set. */
    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    /** The value as Proxmox writes it: the host ids (or mapping) first, then options in name order. */
    public String render() {
        List<String> parts = new ArrayList<>();
        if (raw()) {
            parts.add(String.join(";", hosts));
        } else {
            parts.add("mapping=" + mapping);
        }
        options.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> parts.add(e.getKey() + "=" + e.getValue()));
        return String.join(",", parts);
    }

    /** A builder with this value's settings. */
    public Builder toBuilder() {
        Builder b = builder();
        b.hosts.addAll(hosts);
        b.mapping = mapping;
        b.raw.putAll(options);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostPci h && h.render().equals(render());
    }

    @Override
    public int hashCode() {
        return render().hashCode();
    }

    @Override
    public String toString() {
        return render();
    }

    /** Builds a {@link HostPci}; {@link #build()} checks every rule and lists every problem. */
    public static final class Builder {
        private final List<String> hosts = new ArrayList<>();
        private String mapping = "";
        private final Map<String, String> raw = new LinkedHashMap<>();

        private Builder() {}

        /** Raw host ids: {@code 0000:01:00} (every function of the slot) or {@code 0000:01:00.0} (one function). */
        public Builder host(String... ids) {
            hosts.addAll(List.of(ids));
            return this;
        }

        /** A resource mapping's id (the default: ACL-checked, any user with the mapping privilege may use it). */
        public Builder mapping(String id) {
            this.mapping = Objects.requireNonNull(id, "mapping");
            return this;
        }

        /** {@code pcie=1}: on the guest's PCIe bus; the guest needs the q35 machine. */
        public Builder pcie(boolean on) {
            return flag("pcie", on);
        }

        /** {@code x-vga=1}: the guest's primary GPU. */
        public Builder xVga(boolean on) {
            return flag("x-vga", on);
        }

        /** {@code rombar}: whether the guest sees the device's ROM (on by default). */
        public Builder rombar(boolean on) {
            return flag("rombar", on);
        }

        /** {@code romfile}: a ROM file under the node's {@code /usr/share/kvm} to give the guest instead of the card's. */
        public Builder romfile(String name) {
            raw.put("romfile", Objects.requireNonNull(name, "romfile"));
            return this;
        }

        /** {@code mdev}: the mediated device type to create (NVIDIA vGPU, Intel GVT-g). */
        public Builder mdev(String type) {
            raw.put("mdev", Objects.requireNonNull(type, "mdev"));
            return this;
        }

        /** {@code vendor-id} shown to the guest. */
        public Builder vendorId(int id) {
            return hex("vendor-id", id);
        }

        /** {@code device-id} shown to the guest. */
        public Builder deviceId(int id) {
            return hex("device-id", id);
        }

        /** {@code sub-vendor-id} shown to the guest. */
        public Builder subVendorId(int id) {
            return hex("sub-vendor-id", id);
        }

        /** {@code sub-device-id} shown to the guest. */
        public Builder subDeviceId(int id) {
            return hex("sub-device-id", id);
        }

        /** {@code legacy-igd=1}: Intel integrated graphics in legacy mode (hostpci0, i440fx, no other VGA). */
        public Builder legacyIgd(boolean on) {
            return flag("legacy-igd", on);
        }

        /** {@code driver}: {@code vfio} (the default) or {@code keep} the host's driver bound; PVE 9 only. */
        public Builder driver(String driver) {
            raw.put("driver", Objects.requireNonNull(driver, "driver"));
            return this;
        }

        private Builder flag(String key, boolean on) {
            raw.put(key, on ? "1" : "0");
            return this;
        }

        private Builder hex(String key, int id) {
            raw.put(key, String.format(Locale.ROOT, "0x%04x", id));
            return this;
        }

        /** The value; a {@link dev.ops.core.error.ValidationException} lists every rule it breaks. */
        public HostPci build() {
            Violations v = Violations.of("hostpci");
            v.check(!hosts.isEmpty() || !mapping.isEmpty(), "host", "either host or mapping must be set");
            v.check(hosts.isEmpty() || mapping.isEmpty(), "mapping", "host and mapping are mutually exclusive");
            for (String h : hosts) {
                v.check(PCI_ID.matcher(h).matches(), "host", "'" + h + "' is not a PCI id ([dddd:]bb:dd[.f], lower-case hex, function 0 to 7)");
            }
            if (!mapping.isEmpty()) {
                v.check(CONFIG_ID.matcher(mapping).matches(), "mapping", "'" + mapping + "' is not a configuration id (a letter, then letters, digits, - and _)");
            }
            raw.forEach((k, val) -> {
                switch (k) {
                    case "pcie", "x-vga", "rombar", "legacy-igd" -> v.check(val.equals("0") || val.equals("1"), k, "must be 0 or 1, not '" + val + "'");
                    case "vendor-id", "device-id", "sub-vendor-id", "sub-device-id" -> v.check(HEX_ID.matcher(val).matches(), k,
                            "'" + val + "' is not 0x and four hex digits");
                    case "driver" -> v.check(val.equals("vfio") || val.equals("keep"), k, "must be vfio or keep, not '" + val + "'");
                    case "mdev" -> v.check(CONFIG_ID.matcher(val).matches(), k, "'" + val + "' is not a mediated device type id");
                    case "romfile" -> v.check(!val.isEmpty() && val.indexOf(',') < 0 && val.indexOf(';') < 0 && !val.contains("..")
                            && !val.startsWith("/") && val.indexOf('\n') < 0, k, "'" + val + "' must be a file name under /usr/share/kvm");
                    default -> { }
                }
            });
            v.check(!raw.containsKey("mdev") || hosts.size() <= 1, "mdev", "a mediated device needs exactly one host device, not " + hosts.size());
            if ("1".equals(raw.get("legacy-igd"))) {
                v.check(hosts.size() == 1 && hosts.get(0).matches("(0000:)?00:02\\.0"), "legacy-igd",
                        "legacy IGD passthrough is only for the integrated GPU at 00:02.0");
            }
            v.throwIfAny();
            return new HostPci(hosts, mapping, raw);
        }
    }
}
