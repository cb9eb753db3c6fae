package dev.ops.sto.smb;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.host.Host;
import dev.ops.sto.smb.internal.ShareChange;
import dev.ops.sto.smb.internal.SmbConf;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The SMB shares of a host's smb.conf: read them, and make them present or absent, each a change
 * validated by {@code testparm -s} before it installs and rolled back by restoring the file.
 *
 * <pre>{@code
 * SmbShares.on(host, ops).share("backup").present(s -> s.path("/srv/backup").readOnly(false).addValidUsers("alice")).apply();
 * }</pre>
 */
public final class SmbShares {
    /** Debian's smb.conf. */
    public static final String SMB_CONF = "/etc/samba/smb.conf";

    private final Host host;
    private final Ops ops;
    private final String config;

    private SmbShares(Host host, Ops ops, String config) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = Objects.requireNonNull(ops, "ops");
        this.config = config;
    }

    /** The shares in {@code host}'s /etc/samba/smb.conf, changed through {@code ops}. */
    public static SmbShares on(Host host, Ops ops) {
        return new SmbShares(host, ops, SMB_CONF);
    }

    /** The same, for another smb.conf (smbd and smbcontrol are told with {@code --configfile}). */
    public SmbShares configFile(String path) {
        return new SmbShares(host, ops, Objects.requireNonNull(path, "path"));
    }

    /** Every section but [global], with its parameters (names lower-cased). */
    public Map<String, Map<String, String>> list() {
        String text = host.readFile(config, true).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        Map<String, Map<String, String>> sections = SmbConf.parse(text).sections();
        sections.keySet().removeIf(k -> k.equalsIgnoreCase("global"));
        return sections;
    }

    /** The parameters of share {@code name}, if smb.conf has it. */
    public Optional<Map<String, String>> get(String name) {
        return list().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    /** The share {@code name}, to make present or absent. */
    public ShareSetting share(String name) {
        return new ShareSetting(name);
    }

    /** One share. */
    public final class ShareSetting {
        private final String name;

        private ShareSetting(String name) {
            this.name = name;
        }

        /** The change that writes the share's section as {@code share} says (its name must be this one). */
        public Change<Optional<Map<String, String>>> present(SmbShare share) {
            if (!share.name().equals(name)) {
                dev.ops.core.error.Violations.of("smb share").add("name", "'" + share.name() + "' is not the share '" + name + "'").throwIfAny();
            }
            return ShareChange.present(host, ops, config, share);
        }

        /** The change that writes the share's section as {@code edit} fills it in. */
        public Change<Optional<Map<String, String>>> present(Consumer<SmbShare.Builder> edit) {
            SmbShare.Builder b = SmbShare.builder().name(name);
            edit.accept(b);
            return present(b.build());
        }

        /** The change that removes the share's section. */
        public Change<Optional<Map<String, String>>> absent() {
            return ShareChange.absent(host, ops, config, name);
        }
    }
}
