package dev.ops.sto.smb;

import dev.ops.core.error.Violations;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One share section of {@code smb.conf}, from typed values; parameters beyond the typed ones go in
 * {@link #parameters()}.
 *
 * <pre>{@code
 * SmbShare s = SmbShare.builder().name("backup").path("/srv/backup").readOnly(false).addValidUsers("alice").build();
 * }</pre>
 */
@Value.Immutable
public abstract class SmbShare {
    /** The names smb.conf reserves for its own sections. */
    public static final List<String> RESERVED = List.of("global");

    /** The share name, the section header ({@code [name]}): no {@code [}, {@code ]} or newline, at most 80 characters. */
    public abstract String name();

    /** The shared directory ({@code path}). */
    public abstract String path();

    /** {@code comment}. */
    public abstract Optional<String> comment();

    /** {@code read only}; true unless set. */
    @Value.Default
    public boolean readOnly() {
        return true;
    }

    /** {@code browseable}; true unless set. */
    @Value.Default
    public boolean browseable() {
        return true;
    }

    /** {@code guest ok}; false unless set. */
    @Value.Default
    public boolean guestOk() {
        return false;
    }

    /** {@code valid users}; everyone with an account when empty. */
    public abstract List<String> validUsers();

    /** More parameters, by their smb.conf names (e.g. {@code create mask} = {@code 0660}). */
    public abstract Map<String, String> parameters();

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this share's settings, to derive a changed copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** The section as smb.conf holds it, ending in a newline. */
    public String render() {
        StringBuilder b = new StringBuilder("[").append(name()).append("]\n");
        b.append("   path = ").append(path()).append('\n');
        comment().ifPresent(c -> b.append("   comment = ").append(c).append('\n'));
        b.append("   read only = ").append(yesNo(readOnly())).append('\n');
        b.append("   browseable = ").append(yesNo(browseable())).append('\n');
        b.append("   guest ok = ").append(yesNo(guestOk())).append('\n');
        if (!validUsers().isEmpty()) {
            b.append("   valid users = ").append(String.join(" ", validUsers())).append('\n');
        }
        parameters().forEach((k, v) -> b.append("   ").append(k).append(" = ").append(v).append('\n'));
        return b.toString();
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    @Value.Check
    protected void check() {
        Violations v = Violations.of("smb share");
        v.checkText(name(), "name", n -> n.length() <= 80 && n.chars().noneMatch(c -> c == '[' || c == ']' || c < 0x20 || c == 0x7f)
                && !n.strip().isEmpty() && n.equals(n.strip()), "'" + printable(name()) + "' must be at most 80 characters without '[', ']', newlines or control characters, and not start or end with a space");
        v.check(!RESERVED.contains(name().toLowerCase(Locale.ROOT)), "name", "'" + name() + "' is smb.conf's own section");
        v.checkText(path(), "path", p -> p.startsWith("/") && oneLine(p), "must be an absolute path on one line");
        comment().ifPresent(c -> v.check(oneLine(c), "comment", "must be one line"));
        for (String u : validUsers()) {
            v.check(u.matches("[@+&]?[A-Za-z0-9._\\\\-]+"), "validUsers", "'" + printable(u) + "' is not a user or @group");
        }
        parameters().forEach((k, val) -> {
            v.check(k.matches("[a-z][a-z0-9 :]*[a-z0-9]"), "parameters", "'" + printable(k) + "' is not an smb.conf parameter name");
            v.check(oneLine(val), "parameters." + k, "must be one line");
        });
        v.throwIfAny();
    }

    private static boolean oneLine(String s) {
        return s.chars().noneMatch(c -> c == '\n' || c == '\r' || c == 0);
    }

    private static String printable(String s) {
        return s.replace("\n", "\\n").replace("\r", "\\r");
    }

    /** Builds an {@link SmbShare}; every problem is reported at once by {@code build()}. */
    public static final class Builder extends ImmutableSmbShare.Builder {}
}
