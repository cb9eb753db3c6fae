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

    /** One ACL entry as {@code /access/acl} lists it: a role on a path for a user, a group or a token. */
    public record Acl(String path, String type, String ugid, String roleid, boolean propagate) {}

    /** A grant a seed made: privileges or roles on a path. */
    public record AclEntry(String path, Set<String> privileges, boolean propagate) {}

    /** A user: credentials, the fields {@code /access/users/{userid}} shows, and its groups. */
    public static final class User {
        public final String userid;
        public volatile String password;
        public final String totpSecret;
        /** email, firstname, lastname, comment, keys, enable, expire (as sent, text). */
        public final Map<String, String> fields = new TreeMap<>();
        public final Set<String> groups = new java.util.TreeSet<>();

        public User(String userid, String password, String totpSecret) {
            this.userid = userid;
            this.password = password == null ? "" : password;
            this.totpSecret = totpSecret;
            fields.put("enable", "1");
            fields.put("expire", "0");
        }
    }

    /** An API token; with privsep its privileges are the ACL entries of the token itself, else its user's. */
    public static final class Token {
        public final String userid;
        public final String name;
        public final String secret;
        public volatile boolean privsep;
        public volatile String comment;
        public volatile long expire;

        public Token(String userid, String name, String secret, boolean privsep) {
            this.userid = userid;
            this.name = name;
            this.secret = secret;
            this.privsep = privsep;
        }

        /** {@code user@realm!name}. */
        public String id() {
            return userid + "!" + name;
        }
    }

    /** Who sent a request. {@code token} is null for ticket logins. */
    public record Principal(String userid, String token, boolean viaTicket) {
        /** {@code user@realm} or {@code user@realm!token}, as written in UPIDs. */
        public String id() {
            return token == null ? userid : userid + "!" + token;
        }
    }

    /** The roles a fresh PVE 8/9 install has (pve-access-control's built-in roles). */
    private static final List<String> BUILT_IN_ROLES = List.of("Administrator", "NoAccess", "PVEAdmin", "PVEAuditor",
            "PVEDatastoreAdmin", "PVEDatastoreUser", "PVEMappingAdmin", "PVEMappingUser", "PVEPoolAdmin", "PVEPoolUser",
            "PVESDNAdmin", "PVESDNUser", "PVESysAdmin", "PVETemplateUser", "PVEUserAdmin", "PVEVMAdmin", "PVEVMUser");
    /** The realms of a fresh install: Linux PAM and the Proxmox VE authentication server; neither can be removed. */
    private static final Map<String, Map<String, String>> BUILT_IN_REALMS = Map.of(
            "pam", Map.of("realm", "pam", "type", "pam", "comment", "Linux PAM standard authentication"),
            "pve", Map.of("realm", "pve", "type", "pve", "comment", "Proxmox VE authentication server"));

    private final Clock clock;
    private final byte[] key = new byte[32];
    private final Map<String, User> users = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    /** Groups and their comments. */
    private final Map<String, String> groups = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** Roles beyond the built-in ones: a seed's grant of single privileges makes one per privilege. */
    private final Map<String, Set<String>> customRoles = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final List<Acl> acl = new CopyOnWriteArrayList<>();
    /** Authentication realms by id, each with its settings as sent (text). */
    private final Map<String, Map<String, String>> realms = new java.util.concurrent.ConcurrentSkipListMap<>();

    /** Creates the authority of a fresh install (realms pam and pve, the user root@pam) with a random signing key. */
    public Auth(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
        freshInstall();
    }

    /** Forgets every user, token, group, custom role, realm and ACL entry but a fresh install's (tickets stay valid: the key is kept). */
    public void clear() {
        users.clear();
        tokens.clear();
        groups.clear();
        customRoles.clear();
        acl.clear();
        realms.clear();
        freshInstall();
    }

    /** What a fresh install has: the pam and pve realms, and root@pam (whose password lives in PAM, so no login until a seed gives one). */
    private void freshInstall() {
        BUILT_IN_REALMS.forEach((id, fields) -> realms.put(id, new TreeMap<>(fields)));
        User root = new User("root@pam", null, null);
        root.fields.put("email", "root@localhost");
        users.put(root.userid, root);
    }

    /** The realms, by id, with their settings. */
    public Map<String, Map<String, String>> realms() {
        return realms;
    }

    /** Whether a realm is one a fresh install has (and cannot delete). */
    public static boolean builtInRealm(String realm) {
        return BUILT_IN_REALMS.containsKey(realm);
    }

    /** Adds a user with the grants of a seed. */
    public void addUser(User u, List<AclEntry> grants) {
        users.put(u.userid, u);
        grants.forEach(g -> seedGrant("user", u.userid, g));
    }

    /** Adds a token; null grants mean it shares its user's privileges (privsep=0). */
    public void addToken(Token t, List<AclEntry> grants) {
        tokens.put(t.id(), t);
        if (grants != null) {
            grants.forEach(g -> seedGrant("token", t.id(), g));
        }
    }

    private void seedGrant(String type, String ugid, AclEntry g) {
        for (String p : g.privileges()) {
            if (!roles().containsKey(p)) {
                customRoles.put(p, Set.of(p));
            }
            acl.add(new Acl(g.path(), type, ugid, p, g.propagate()));
        }
    }

    /** All users, by id. */
    public Map<String, User> users() {
        return new TreeMap<>(users);
    }

    /** All tokens, by {@code user@realm!name}. */
    public Map<String, Token> tokens() {
        return new TreeMap<>(tokens);
    }

    /** Groups and their comments, by id. */
    public Map<String, String> groups() {
        return groups;
    }

    /** The ACL, in the order entries were made. */
    public List<Acl> acl() {
        return acl;
    }

    /** Removes a user with its tokens and every ACL entry of either, as {@code DELETE /access/users/{userid}} does. */
    public void removeUser(String userid) {
        users.remove(userid);
        tokens.keySet().removeIf(id -> id.startsWith(userid + "!"));
        acl.removeIf(a -> a.ugid().equals(userid) || a.ugid().startsWith(userid + "!"));
    }

    /** Removes a token and its ACL entries. */
    public void removeToken(String tokenid) {
        tokens.remove(tokenid);
        acl.removeIf(a -> a.type().equals("token") && a.ugid().equals(tokenid));
    }

    /** Removes a group, its memberships and its ACL entries. */
    public void removeGroup(String groupid) {
        groups.remove(groupid);
        users.values().forEach(u -> u.groups.remove(groupid));
        acl.removeIf(a -> a.type().equals("group") && a.ugid().equals(groupid));
    }

    /** Sets (or with {@code delete} removes) a role on a path for a user, group or token. */
    public void setAcl(Acl entry, boolean delete) {
        acl.removeIf(a -> a.path().equals(entry.path()) && a.type().equals(entry.type()) && a.ugid().equals(entry.ugid())
                && a.roleid().equals(entry.roleid()));
        if (!delete) {
            acl.add(entry);
        }
    }

    /** The built-in roles and the custom ones, with what they grant. */
    public Map<String, Set<String>> roles() {
        Map<String, Set<String>> out = new TreeMap<>();
        for (String role : BUILT_IN_ROLES) {
            Set<String> privs = new java.util.TreeSet<>();
            expand(role, privs);
            out.put(role, privs);
        }
        out.putAll(customRoles);
        return out;
    }

    /** Whether a role is one of PVE's own (listed with {@code special: 1}). */
    public static boolean builtIn(String role) {
        return BUILT_IN_ROLES.contains(role);
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
        if (t == null || !MessageDigest.isEqual(t.secret.getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiError(401, "authentication failure");
        }
        return new Principal(t.userid, t.name, false);
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
        if (u.password.isEmpty()) {
            return false; // a user made without a password (a token's owner, a user created by the API without one)
        }
        return MessageDigest.isEqual(u.password.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether a TOTP code is valid for the user now (one step of clock skew allowed either way). */
    public boolean checkTotp(String userid, String code) {
        User u = users.get(userid);
        if (u == null || u.totpSecret == null) {
            return false;
        }
        long step = clock.instant().getEpochSecond() / 30;
        for (long s = step - 1; s <= step + 1; s++) {
            if (totp(u.totpSecret, s).equals(code)) {
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
        Token t = p.token() == null ? null : tokens.get(p.id());
        boolean ownAcl = t != null && t.privsep;
        if ("root@pam".equals(p.userid()) && !ownAcl) {
            return ALL_PRIVILEGES;
        }
        User u = users.get(p.userid());
        Set<String> userGroups = u == null || ownAcl ? Set.of() : Set.copyOf(u.groups);
        Map<String, Set<String>> roles = roles();
        Set<String> out = new HashSet<>();
        for (Acl e : acl) {
            boolean mine = ownAcl ? e.type().equals("token") && e.ugid().equals(p.id())
                    : e.type().equals("user") && e.ugid().equals(p.userid()) || e.type().equals("group") && userGroups.contains(e.ugid());
            boolean applies = e.path().equals(path)
                    || e.propagate() && (e.path().equals("/") || path.startsWith(e.path() + "/"));
            if (mine && applies) {
                out.addAll(roles.getOrDefault(e.roleid(), Set.of()));
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
            case "PVEPoolAdmin" -> out.addAll(Set.of("Pool.Allocate", "Pool.Audit"));
            case "PVEPoolUser" -> out.add("Pool.Audit");
            case "PVEVMAdmin" -> {
                ALL_PRIVILEGES.stream().filter(x -> x.startsWith("VM.")).forEach(out::add);
                out.addAll(Set.of("Datastore.AllocateSpace", "Pool.Audit", "SDN.Use"));
            }
            case "PVEMappingAdmin" -> out.addAll(Set.of("Mapping.Audit", "Mapping.Modify", "Mapping.Use"));
            case "PVEMappingUser" -> out.addAll(Set.of("Mapping.Audit", "Mapping.Use"));
            case "PVESDNAdmin" -> out.addAll(Set.of("SDN.Allocate", "SDN.Audit", "SDN.Use"));
            case "PVESDNUser" -> out.addAll(Set.of("SDN.Audit", "SDN.Use"));
            case "PVESysAdmin" -> out.addAll(Set.of("Sys.AccessNetwork", "Sys.Audit", "Sys.Console", "Sys.Syslog"));
            case "PVETemplateUser" -> out.addAll(Set.of("VM.Audit", "VM.Clone"));
            case "PVEUserAdmin" -> out.addAll(Set.of("Group.Allocate", "Realm.AllocateUser", "User.Modify"));
            case "PVEVMUser" -> out.addAll(Set.of("VM.Audit", "VM.Backup", "VM.Config.CDROM", "VM.Config.Cloudinit",
                    "VM.Console", "VM.PowerMgmt", "VM.GuestAgent.Audit", "VM.GuestAgent.Unrestricted"));
            default -> out.add(privOrRole);
        }
    }

}
