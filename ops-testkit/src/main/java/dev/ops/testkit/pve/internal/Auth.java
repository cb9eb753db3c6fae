package dev.ops.testkit.pve.internal;

import dev.ops.core.text.AsciiNumbers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authentication and authorization as PVE does them: API tokens, signed tickets (2 h lifetime),
 * CSRF tokens bound to the ticket's user, TOTP second factor and privilege checks on ACL paths.
 */
public final class Auth {

    /** Ticket and CSRF token lifetime, as in PVE. */
    public static final long TICKET_LIFETIME_S = 7200;

    /** Every privilege PVE 9 knows (what {@code Administrator} grants). */
    public static final Set<String> ALL_PRIVILEGES = Set.of(
            "Datastore.Allocate", "Datastore.AllocateSpace", "Datastore.AllocateTemplate", "Datastore.Audit",
            "Group.Allocate", "Mapping.Audit", "Mapping.Modify", "Mapping.Use", "Permissions.Modify",
            "Pool.Allocate", "Pool.Audit", "Realm.Allocate", "Realm.AllocateUser", "SDN.Allocate", "SDN.Audit",
            "SDN.Use", "Sys.AccessNetwork", "Sys.Audit", "Sys.Console", "Sys.Incoming", "Sys.Modify",
            "Sys.PowerMgmt", "Sys.Syslog", "User.Modify", "VM.Allocate", "VM.Audit", "VM.Backup", "VM.Clone",
            "VM.Config.CDROM", "VM.Config.CPU", "VM.Config.Cloudinit", "VM.Config.Disk", "VM.Config.HWType",
            "VM.Config.Memory", "VM.Config.Network", "VM.Config.Options", "VM.Console", "VM.GuestAgent.Audit",
            "VM.GuestAgent.FileRead", "VM.GuestAgent.FileSystemMgmt", "VM.GuestAgent.FileWrite",
            "VM.GuestAgent.Unrestricted", "VM.Migrate", "VM.PowerMgmt", "VM.Replicate", "VM.Snapshot",
            "VM.Snapshot.Rollback");

    /** One ACL entry. */
    public record AclEntry(String path, Set<String> privileges, boolean propagate) {}

    /** A user known to the server. */
    public record User(String userid, String password, String totpSecret, List<AclEntry> acl) {}

    /** A token known to the server; a null acl means it inherits its user's privileges. */
    public record Token(String userid, String name, String secret, List<AclEntry> acl) {}

    /** Who sent a request. {@code token} is null for ticket logins. */
    public record Principal(String userid, String token, boolean viaTicket) {
        /** {@code user@realm} or {@code user@realm!token}, as written in UPIDs. */
        public String id() {
            return token == null ? userid : userid + "!" + token;
        }
    }

    private final Clock clock;
    private final byte[] key = new byte[32];
    private final Map<String, User> users = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    /** Creates an empty authority with a random signing key. */
    public Auth(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    /** Adds a user; its ACL list stays mutable for {@code PUT /access/acl}. */
    public void addUser(User u) {
        users.put(u.userid(), new User(u.userid(), u.password(), u.totpSecret(), new CopyOnWriteArrayList<>(u.acl())));
    }

    /** Adds a token; a null ACL means it shares its user's privileges (privsep=0). */
    public void addToken(Token t) {
        tokens.put(t.userid() + "!" + t.name(),
                new Token(t.userid(), t.name(), t.secret(), t.acl() == null ? null : new CopyOnWriteArrayList<>(t.acl())));
    }

    /** All users, by id. */
    public Map<String, User> users() {
        return new TreeMap<>(users);
    }

    /** All tokens, by {@code user@realm!name}. */
    public Map<String, Token> tokens() {
        return new TreeMap<>(tokens);
    }

    /** Grants on a path for a user or token id; a privsep=0 token gets its own list from then on. */
    public void grant(String ugid, AclEntry entry) {
        aclOf(ugid).add(entry);
    }

    /** Removes the roles/privileges on a path for a user or token id. */
    public void revoke(String ugid, String path, Set<String> roles) {
        aclOf(ugid).removeIf(e -> e.path().equals(path) && roles.containsAll(e.privileges()));
    }

    private List<AclEntry> aclOf(String ugid) {
        if (ugid.contains("!")) {
            Token t = tokens.get(ugid);
            if (t == null) {
                throw ApiError.die("no such token '" + ugid + "'");
            }
            if (t.acl() == null) {
                Token own = new Token(t.userid(), t.name(), t.secret(), new CopyOnWriteArrayList<>());
                tokens.put(ugid, own);
                return own.acl();
            }
            return t.acl();
        }
        User u = users.get(ugid);
        if (u == null) {
            throw ApiError.die("no such user ('" + ugid + "')");
        }
        return u.acl();
    }

    /** The built-in roles and what they grant. */
    public static Map<String, Set<String>> roles() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String role : List.of("Administrator", "NoAccess", "PVEAdmin", "PVEAuditor", "PVEDatastoreAdmin",
                "PVEDatastoreUser", "PVEVMAdmin", "PVEVMUser")) {
            Set<String> privs = new java.util.TreeSet<>();
            expand(role, privs);
            out.put(role, privs);
        }
        return out;
    }

    /** The user with this id, or null. */
    public User user(String userid) {
        return users.get(userid);
    }

    /** Authenticates an {@code Authorization: PVEAPIToken=...} header value. */
    public Principal token(String header) {
        String v = header.substring("PVEAPIToken=".length()).trim();
        int eq = v.indexOf('=');
        if (eq < 0) {
            eq = v.indexOf(':');
        }
        if (eq < 0) {
            throw new ApiError(401, "authentication failure");
        }
        String id = v.substring(0, eq);
        String secret = v.substring(eq + 1);
        Token t = tokens.get(id);
        if (t == null || !MessageDigest.isEqual(t.secret().getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiError(401, "authentication failure");
        }
        return new Principal(t.userid(), t.name(), false);
    }

    /** Issues a ticket for a user, {@code PVE:user@realm:HEXTIME::signature}. */
    public String ticket(String userid) {
        return sign("PVE:" + userid + ":" + hexTime());
    }

    /** Issues a half ticket that only unlocks the TFA challenge step. */
    public String tfaTicket(String userid) {
        return sign("PVE:!tfa!" + userid + ":" + hexTime());
    }

    private String sign(String data) {
        return data + "::" + hmac(data);
    }

    /** Issues the CSRF prevention token belonging to a user's ticket. */
    public String csrfToken(String userid) {
        String t = hexTime();
        return t + ":" + hmac("CSRF:" + userid + ":" + t).substring(0, 22);
    }

    /**
     * Verifies a ticket and returns its user id ({@code !tfa!user} for a half ticket).
     *
     * @throws ApiError 401 when forged or older than two hours of the server clock
     */
    public String verifyTicket(String ticket) {
        int sig = ticket.lastIndexOf("::");
        if (!ticket.startsWith("PVE:") || sig < 0) {
            throw new ApiError(401, "invalid ticket");
        }
        String data = ticket.substring(0, sig);
        if (!MessageDigest.isEqual(hmac(data).getBytes(StandardCharsets.UTF_8),
                ticket.substring(sig + 2).getBytes(StandardCharsets.UTF_8))) {
            throw new ApiError(401, "invalid ticket");
        }
        int colon = data.lastIndexOf(':');
        long age = clock.instant().getEpochSecond() - AsciiNumbers.parseLong(data.substring(colon + 1), 16);
        if (age < -300 || age > TICKET_LIFETIME_S) {
            throw new ApiError(401, "ticket expired");
        }
        return data.substring(4, colon);
    }

    /** Verifies the CSRF token sent with a write made with a ticket. */
    public void verifyCsrf(String userid, String token) {
        if (token == null) {
            throw new ApiError(401, "Permission denied - invalid csrf token");
        }
        int colon = token.indexOf(':');
        if (colon != 8) {
            throw new ApiError(401, "Permission denied - invalid csrf token");
        }
        String t = token.substring(0, 8);
        boolean ok;
        try {
            long age = clock.instant().getEpochSecond() - AsciiNumbers.parseLong(t, 16);
            ok = age >= -300 && age <= TICKET_LIFETIME_S
                    && MessageDigest.isEqual(hmac("CSRF:" + userid + ":" + t).substring(0, 22).getBytes(StandardCharsets.UTF_8),
                            token.substring(9).getBytes(StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            ok = false;
        }
        if (!ok) {
            throw new ApiError(401, "Permission denied - invalid csrf token");
        }
    }

    /** Whether a user's password (or a still-valid ticket of that user) is right. */
    public boolean checkPassword(String userid, String password) {
        User u = users.get(userid);
        if (u == null) {
            return false;
        }
        if (password.startsWith("PVE:")) {
            try {
                return verifyTicket(password).equals(userid);
            } catch (ApiError e) {
                return false;
            }
        }
        return MessageDigest.isEqual(u.password().getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a TOTP code is valid for the user now (one step of clock skew allowed either way). */
    public boolean checkTotp(String userid, String code) {
        User u = users.get(userid);
        if (u == null || u.totpSecret() == null) {
            return false;
        }
        long step = clock.instant().getEpochSecond() / 30;
        for (long s = step - 1; s <= step + 1; s++) {
            if (totp(u.totpSecret(), s).equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** The current TOTP code for a base32 secret. */
    public String totpNow(String base32Secret) {
        return totp(base32Secret, clock.instant().getEpochSecond() / 30);
    }

    /** RFC 6238 TOTP (HMAC-SHA1, 6 digits) for one 30 s step. */
    static String totp(String base32Secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int off = h[h.length - 1] & 0xf;
            int bin = ((h[off] & 0x7f) << 24) | ((h[off + 1] & 0xff) << 16) | ((h[off + 2] & 0xff) << 8) | (h[off + 3] & 0xff);
            return String.format(Locale.ROOT, "%06d", bin % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] base32(String s) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String clean = s.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            int v = alphabet.indexOf(c);
            if (v < 0) {
                throw new IllegalArgumentException("not base32: " + s);
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }

    private String hexTime() {
        return String.format(Locale.ROOT, "%08X", clock.instant().getEpochSecond());
    }

    private String hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().withoutPadding().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The privileges a principal holds on an ACL path. */
    public Set<String> privileges(Principal p, String path) {
        if ("root@pam".equals(p.userid()) && (p.token() == null || tokenAcl(p) == null)) {
            return ALL_PRIVILEGES;
        }
        List<AclEntry> acl = p.token() == null ? userAcl(p.userid()) : tokenAcl(p);
        if (acl == null) {
            acl = userAcl(p.userid());
        }
        Set<String> out = new HashSet<>();
        for (AclEntry e : acl) {
            boolean applies = e.path().equals(path)
                    || e.propagate() && (e.path().equals("/") || path.startsWith(e.path() + "/"));
            if (applies) {
                for (String priv : e.privileges()) {
                    expand(priv, out);
                }
            }
        }
        return out;
    }

    private static void expand(String privOrRole, Set<String> out) {
        switch (privOrRole) {
            case "Administrator" -> out.addAll(ALL_PRIVILEGES);
            case "NoAccess" -> { }
            case "PVEAdmin" -> ALL_PRIVILEGES.stream()
                    .filter(x -> !Set.of("Permissions.Modify", "Realm.Allocate", "Sys.Modify").contains(x)).forEach(out::add);
            case "PVEAuditor" -> ALL_PRIVILEGES.stream().filter(x -> x.endsWith(".Audit")).forEach(out::add);
            case "PVEDatastoreAdmin" -> ALL_PRIVILEGES.stream().filter(x -> x.startsWith("Datastore.")).forEach(out::add);
            case "PVEDatastoreUser" -> out.addAll(Set.of("Datastore.AllocateSpace", "Datastore.Audit"));
            case "PVEVMAdmin" -> {
                ALL_PRIVILEGES.stream().filter(x -> x.startsWith("VM.")).forEach(out::add);
                out.addAll(Set.of("Datastore.AllocateSpace", "Pool.Audit", "SDN.Use"));
            }
            case "PVEVMUser" -> out.addAll(Set.of("VM.Audit", "VM.Backup", "VM.Config.CDROM", "VM.Config.Cloudinit",
                    "VM.Console", "VM.PowerMgmt", "VM.GuestAgent.Audit", "VM.GuestAgent.Unrestricted"));
            default -> out.add(privOrRole);
        }
    }

    private List<AclEntry> userAcl(String userid) {
        User u = users.get(userid);
        return u == null ? List.of() : u.acl();
    }

    private List<AclEntry> tokenAcl(Principal p) {
        Token t = tokens.get(p.id());
        return t == null ? null : t.acl();
    }
}
