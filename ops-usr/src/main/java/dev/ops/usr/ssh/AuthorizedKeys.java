package dev.ops.usr.ssh;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.host.Host;
import dev.ops.usr.ssh.internal.AuthorizedKeysChange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The {@code ~/.ssh/authorized_keys} files of a host's users: keys added and removed
 * idempotently (a key is the same key whatever its options and comment), the file written
 * atomically with mode 0600 and {@code ~/.ssh} 0700, both owned by the user.
 *
 * <pre>{@code
 * AuthorizedKeys.on(host, ops).user("alice").key("no-pty ssh-ed25519 AAAAC3Nz... alice@laptop").present().apply();
 * }</pre>
 */
public final class AuthorizedKeys {
    private final Host host;
    private final Ops ops;

    private AuthorizedKeys(Host host, Ops ops) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /** The authorized keys of {@code host}'s users, changed in the given runtime. */
    public static AuthorizedKeys on(Host host, Ops ops) {
        return new AuthorizedKeys(host, ops);
    }

    /** The keys of one user. */
    public UserKeys user(String name) {
        return new UserKeys(name);
    }

    /** The authorized keys of one user, to read or change. */
    public final class UserKeys {
        private final String user;
        private final List<String> lines = new ArrayList<>();
        private final List<AuthorizedKey> keys = new ArrayList<>();
        private boolean exclusive;

        private UserKeys(String user) {
            this.user = user;
        }

        /** A key given as an {@code authorized_keys} line (options allowed); a malformed line fails validation with the reason. */
        public UserKeys key(String line) {
            lines.add(line);
            return this;
        }

        /** Keys given as lines. */
        public UserKeys keys(String... keyLines) {
            lines.addAll(Arrays.asList(keyLines));
            return this;
        }

        /** A parsed key. */
        public UserKeys key(AuthorizedKey key) {
            keys.add(key);
            return this;
        }

        /** The valid keys in the user's file now (empty when there is no file); read as root. */
        public List<AuthorizedKey> list() {
            return AuthorizedKeysChange.read(host, user).keys();
        }

        /** For {@link #present()}: remove every other key from the file (comments stay). */
        public UserKeys exclusive() {
            this.exclusive = true;
            return this;
        }

        /** The change that puts the keys in the file (replacing options and comment of a key already there); its value is the file's keys. */
        public Change<List<AuthorizedKey>> present() {
            return AuthorizedKeysChange.of(host, ops, user, lines, keys, true, exclusive);
        }

        /** The change that removes the keys from the file; its value is the keys left. */
        public Change<List<AuthorizedKey>> absent() {
            return AuthorizedKeysChange.of(host, ops, user, lines, keys, false, false);
        }
    }
}
