package dev.ops.testkit.pve.internal;

import dev.ops.core.text.AsciiNumbers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * PVE's named formats that are property strings ({@code format: "pve-qm-ipconfig"}): the key descriptions
 * PVE registers in Perl, restated as schema JSON so that {@link Validator#propertyString} checks them like
 * the schema's inline formats, plus what PVE checks beyond that: {@code requires} between keys and the
 * validators some formats register (prune-backups, pve-vm-cpu-conf).
 */
final class NamedPropertyFormats {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** qemu-server's CPUConfig {@code $cpu_vendor_list}: the models a VM config may name. */
    private static final List<String> CPU_MODELS = List.of("486", "athlon", "Broadwell", "Broadwell-IBRS", "Broadwell-noTSX",
            "Broadwell-noTSX-IBRS", "Cascadelake-Server", "Cascadelake-Server-noTSX", "Cascadelake-Server-v2",
            "Cascadelake-Server-v4", "Cascadelake-Server-v5", "Conroe", "Cooperlake", "Cooperlake-v2", "core2duo", "coreduo",
            "EPYC", "EPYC-Genoa", "EPYC-IBPB", "EPYC-Milan", "EPYC-Milan-v2", "EPYC-Rome", "EPYC-Rome-v2", "EPYC-Rome-v3",
            "EPYC-Rome-v4", "EPYC-v3", "EPYC-v4", "GraniteRapids", "Haswell", "Haswell-IBRS", "Haswell-noTSX",
            "Haswell-noTSX-IBRS", "host", "Icelake-Client", "Icelake-Client-noTSX", "Icelake-Server", "Icelake-Server-noTSX",
            "Icelake-Server-v3", "Icelake-Server-v4", "Icelake-Server-v5", "Icelake-Server-v6", "IvyBridge", "IvyBridge-IBRS",
            "KnightsMill", "kvm32", "kvm64", "max", "Nehalem", "Nehalem-IBRS", "Opteron_G1", "Opteron_G2", "Opteron_G3",
            "Opteron_G4", "Opteron_G5", "Penryn", "pentium", "pentium2", "pentium3", "phenom", "qemu32", "qemu64",
            "SandyBridge", "SandyBridge-IBRS", "SapphireRapids", "SapphireRapids-v2", "Skylake-Client", "Skylake-Client-IBRS",
            "Skylake-Client-noTSX-IBRS", "Skylake-Client-v4", "Skylake-Server", "Skylake-Server-IBRS",
            "Skylake-Server-noTSX-IBRS", "Skylake-Server-v4", "Skylake-Server-v5", "Westmere", "Westmere-IBRS");
    private static final Set<String> BUILTIN_CPU_MODELS = Set.of("x86-64-v2", "x86-64-v2-AES", "x86-64-v3", "x86-64-v4");
    private static final List<String> VM_CPU_FLAGS = List.of("nested-virt", "md-clear", "pcid", "spec-ctrl", "ssbd", "ibpb",
            "virt-ssbd", "amd-ssbd", "amd-no-ssb", "pdpe1gb", "hv-tlbflush", "hv-evmcs", "aes");
    private static final String VM_CPU_FLAG = "[+-](?:" + String.join("|", VM_CPU_FLAGS) + ")";
    private static final Pattern VM_CPU_FLAGS_RE = Pattern.compile(VM_CPU_FLAG + "(?:;" + VM_CPU_FLAG + ")*");
    private static final String BASE64 = "\"[A-Za-z0-9+/]+={0,2}\"";
    private static final String HEX_ID = "\"0x[0-9a-fA-F]{4}\"";
    private static final String PCI_ID = "(?:[a-f0-9]{4,}:)?[a-f0-9]{2}:[a-f0-9]{2}(?:\\\\.[a-f0-9])?";

    private static final Map<String, Named> FORMATS = Map.ofEntries(
            // qemu-server
            named("pve-qm-ipconfig", """
                    {"ip": {"type": "string", "format": "pve-ipv4-config", "optional": 1},
                     "gw": {"type": "string", "format": "ipv4", "optional": 1, "requires": "ip"},
                     "ip6": {"type": "string", "format": "pve-ipv6-config", "optional": 1},
                     "gw6": {"type": "string", "format": "ipv6", "optional": 1, "requires": "ip6"}}"""),
            named("pve-qm-boot", """
                    {"legacy": {"type": "string", "pattern": "[acdn]{1,4}", "default_key": 1, "optional": 1},
                     "order": {"type": "string", "format": "pve-qm-bootdev-list", "optional": 1}}"""),
            named("pve-vm-cpu-conf", """
                    {"cputype": {"type": "string", "default_key": 1, "optional": 1},
                     "reported-model": {"type": "string", "enum": %s, "optional": 1},
                     "hidden": {"type": "boolean", "optional": 1},
                     "hv-vendor-id": {"type": "string", "pattern": "[a-zA-Z0-9]{1,12}", "optional": 1},
                     "flags": {"type": "string", "pattern": "[+-][a-zA-Z0-9\\\\-_.]+(;[+-][a-zA-Z0-9\\\\-_.]+)*", "optional": 1},
                     "guest-phys-bits": {"type": "integer", "minimum": 32, "maximum": 64, "optional": 1},
                     "phys-bits": {"type": "string", "format": "pve-phys-bits", "optional": 1}}"""
                    .formatted(JSON.valueToTree(CPU_MODELS)), NamedPropertyFormats::vmCpu),
            named("pve-qm-watchdog", """
                    {"model": {"type": "string", "enum": ["i6300esb", "ib700"], "default_key": 1, "optional": 1},
                     "action": {"type": "string", "enum": ["reset", "shutdown", "poweroff", "pause", "debug", "none"],
                                "optional": 1}}"""),
            named("pve-qm-rng", """
                    {"source": {"type": "string", "enum": ["/dev/urandom", "/dev/random", "/dev/hwrng"], "default_key": 1},
                     "max_bytes": {"type": "integer", "optional": 1},
                     "period": {"type": "integer", "optional": 1}}"""),
            named("pve-qm-smbios1", """
                    {"uuid": {"type": "string", "pattern": "[a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}", "optional": 1},
                     "version": {"type": "string", "pattern": %1$s, "optional": 1},
                     "serial": {"type": "string", "pattern": %1$s, "optional": 1},
                     "manufacturer": {"type": "string", "pattern": %1$s, "optional": 1},
                     "product": {"type": "string", "pattern": %1$s, "optional": 1},
                     "sku": {"type": "string", "pattern": %1$s, "optional": 1},
                     "family": {"type": "string", "pattern": %1$s, "optional": 1},
                     "base64": {"type": "boolean", "optional": 1}}""".formatted(BASE64)),
            named("pve-qm-cicustom", """
                    {"meta": {"type": "string", "format": "pve-volume-id", "optional": 1},
                     "network": {"type": "string", "format": "pve-volume-id", "optional": 1},
                     "user": {"type": "string", "format": "pve-volume-id", "optional": 1},
                     "vendor": {"type": "string", "format": "pve-volume-id", "optional": 1}}"""),
            named("pve-qm-hostpci", """
                    {"host": {"type": "string", "pattern": "%2$s(;%2$s)*", "default_key": 1, "optional": 1},
                     "mapping": {"type": "string", "format": "pve-configid", "optional": 1},
                     "rombar": {"type": "boolean", "optional": 1},
                     "romfile": {"type": "string", "pattern": "[^,;]+", "optional": 1},
                     "pcie": {"type": "boolean", "optional": 1},
                     "x-vga": {"type": "boolean", "optional": 1},
                     "legacy-igd": {"type": "boolean", "optional": 1},
                     "driver": {"type": "string", "enum": ["vfio", "keep"], "optional": 1},
                     "mdev": {"type": "string", "pattern": "[^/.:]+", "optional": 1},
                     "vendor-id": {"type": "string", "pattern": %1$s, "optional": 1},
                     "device-id": {"type": "string", "pattern": %1$s, "optional": 1},
                     "sub-vendor-id": {"type": "string", "pattern": %1$s, "optional": 1},
                     "sub-device-id": {"type": "string", "pattern": %1$s, "optional": 1}}""".formatted(HEX_ID, PCI_ID)),
            named("pve-qemu-sev-fmt", """
                    {"type": {"type": "string", "enum": ["std", "es", "snp"], "maxLength": 3, "default_key": 1},
                     "no-debug": {"type": "boolean", "optional": 1},
                     "no-key-sharing": {"type": "boolean", "optional": 1},
                     "allow-smt": {"type": "boolean", "optional": 1},
                     "kernel-hashes": {"type": "boolean", "optional": 1}}"""),
            named("pve-qemu-tdx-fmt", """
                    {"type": {"type": "string", "enum": ["tdx"], "default_key": 1},
                     "attestation": {"type": "boolean"},
                     "vsock-cid": {"type": "integer", "minimum": 2, "optional": 1},
                     "vsock-port": {"type": "integer", "minimum": 0, "optional": 1}}"""),
            // pve-common, pve-storage, pve-guest-common
            named("prune-backups", """
                    {"keep-all": {"type": "boolean", "optional": 1},
                     "keep-last": {"type": "integer", "minimum": 0, "optional": 1},
                     "keep-hourly": {"type": "integer", "minimum": 0, "optional": 1},
                     "keep-daily": {"type": "integer", "minimum": 0, "optional": 1},
                     "keep-weekly": {"type": "integer", "minimum": 0, "optional": 1},
                     "keep-monthly": {"type": "integer", "minimum": 0, "optional": 1},
                     "keep-yearly": {"type": "integer", "minimum": 0, "optional": 1}}""", NamedPropertyFormats::pruneBackups),
            named("backup-performance", """
                    {"max-workers": {"type": "integer", "minimum": 1, "maximum": 256, "optional": 1},
                     "pbs-entries-max": {"type": "integer", "minimum": 1, "optional": 1}}"""),
            named("backup-fleecing", """
                    {"enabled": {"type": "boolean", "default_key": 1, "optional": 1},
                     "storage": {"type": "string", "format": "pve-storage-id", "optional": 1}}"""),
            named("proxmox-remote", """
                    {"host": {"type": "string"},
                     "port": {"type": "integer", "optional": 1},
                     "apitoken": {"type": "string"},
                     "fingerprint": {"type": "string", "pattern": "([A-Fa-f0-9]{2}:){31}[A-Fa-f0-9]{2}", "optional": 1}}"""),
            // pve-access-control
            named("realm-sync-options", """
                    {"scope": {"type": "string", "enum": ["users", "groups", "both"], "optional": 1},
                     "remove-vanished": {"type": "string", "optional": 1,
                         "pattern": "(?:(?:(?:acl|properties|entry);)*(?:acl|properties|entry))|none"},
                     "full": {"type": "boolean", "optional": 1},
                     "enable-new": {"type": "boolean", "optional": 1},
                     "purge": {"type": "boolean", "optional": 1}}"""),
            named("pve-tfa-config", """
                    {"type": {"type": "string", "enum": ["yubico", "oath"]},
                     "id": {"type": "string", "optional": 1},
                     "key": {"type": "string", "optional": 1},
                     "url": {"type": "string", "optional": 1},
                     "digits": {"type": "integer", "minimum": 6, "maximum": 8, "optional": 1},
                     "step": {"type": "integer", "minimum": 10, "optional": 1}}"""),
            // pve-network
            named("pve-sdn-dhcp-range", """
                    {"start-address": {"type": "ip"}, "end-address": {"type": "ip"}}"""));

    private NamedPropertyFormats() {}

    /** Whether the name is a property-string format known here. */
    static boolean has(String name) {
        return FORMATS.containsKey(name) || name.equals("pve-qm-ide");
    }

    /** Returns null when the property string satisfies the named format, or PVE's reason. */
    static String check(String name, String value) {
        Named format = name.equals("pve-qm-ide") ? IdeDrive.FORMAT : FORMATS.get(name);
        if (format == null || format.keys() == null) {
            return null;
        }
        String err = Validator.propertyString(format.keys(), value);
        if (err != null) {
            return err;
        }
        Map<String, String> parsed = Validator.parsePropertyString(format.keys(), value);
        for (String key : parsed.keySet()) {
            String required = format.keys().path(key).path("requires").asText(null);
            if (required != null && !parsed.containsKey(required)) {
                return "format error\n" + required + ": missing property - '" + key + "' requires this property";
            }
        }
        return format.rule() == null ? null : format.rule().apply(parsed);
    }

    /** Whether {@code v} is a whole number above zero, written in ASCII digits (BigInteger alone would take any script's). */
    private static boolean positive(String v) {
        String digits = v.startsWith("+") ? v.substring(1) : v;
        return AsciiNumbers.isDigits(digits) && new BigInteger(digits).signum() > 0;
    }

    /** {@code PVE::JSONSchema::validate_prune_backups}: keep-all=1 excludes every other positive keep-* option. */
    private static String pruneBackups(Map<String, String> options) {
        boolean others = options.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals("keep-all") && positive(e.getValue()));
        return others && "1".equals(options.get("keep-all")) ? "keep-all cannot be set together with other options." : null;
    }

    /**
     * qemu-server's {@code validate_vm_cpu_conf}. Custom models ('custom-NAME') pass: the fake keeps no
     * cpu-models.conf to look them up in.
     */
    private static String vmCpu(Map<String, String> cpu) {
        String type = cpu.get("cputype");
        if (type == null || type.isEmpty()) {
            return "CPU is missing cputype";
        }
        if (!type.startsWith("custom-") && !CPU_MODELS.contains(type) && !BUILTIN_CPU_MODELS.contains(type)) {
            return "Built-in cputype '" + type + "' is not defined (missing 'custom-' prefix?)";
        }
        String flags = cpu.get("flags");
        if (flags != null && !flags.isEmpty() && !VM_CPU_FLAGS_RE.matcher(flags).matches()) {
            return "VM-specific CPU flags must be a subset of: " + String.join(", ", VM_CPU_FLAGS);
        }
        return cpu.containsKey("reported-model") ? "Property 'reported-model' not allowed in VM-specific CPU config." : null;
    }

    private static Map.Entry<String, Named> named(String name, String keys) {
        return named(name, keys, null);
    }

    private static Map.Entry<String, Named> named(String name, String keys, Function<Map<String, String>, String> rule) {
        try {
            return Map.entry(name, new Named(JSON.readTree(keys), rule));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad key description of format " + name, e);
        }
    }

    /** A format's keys as schema JSON and the validator PVE runs on the parsed keys (may be null). */
    private record Named(JsonNode keys, Function<Map<String, String>, String> rule) {}

    /**
     * 'pve-qm-ide' (the {@code cdrom} alias of ide2) is qemu-server's IDE drive format; the schema states it
     * inline for {@code ide[n]}, so it is borrowed from there, on first use.
     */
    private static final class IdeDrive {
        static final Named FORMAT = new Named(ApiSchema.pve().endpoint("POST", "/nodes/{node}/qemu")
                .map(ep -> ep.property("ide0")).map(p -> p.get("format")).filter(JsonNode::isObject).orElse(null), null);
    }
}
