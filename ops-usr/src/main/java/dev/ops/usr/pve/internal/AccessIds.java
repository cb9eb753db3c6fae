package dev.ops.usr.pve.internal;

import dev.ops.core.error.Violations;
import java.util.regex.Pattern;

/** The id rules of Proxmox VE's access control (pve-userid, pve-groupid, token ids, role ids, ACL paths). */
public final class AccessIds {
    /** {@code name@realm}: no whitespace, ':' or '/' in the name; the realm starts with a letter. */
    public static final Pattern USERID = Pattern.compile("^[^\\s:/!]+@[A-Za-z][A-Za-z0-9.\\-_]+$");
    public static final int USERID_MAX = 64;
    public static final Pattern GROUPID = Pattern.compile("^[A-Za-z0-9.\\-_]+$");
    public static final Pattern TOKENID = Pattern.compile("^[A-Za-z][A-Za-z0-9.\\-_]+$");
    public static final Pattern ROLEID = Pattern.compile("^[A-Za-z0-9.\\-_]+$");
    public static final Pattern ACL_PATH = Pattern.compile("^/(?:[A-Za-z0-9.\\-_]+(?:/[A-Za-z0-9.\\-_]+)*)?$");
    /** Proxmox's own e-mail rule (format email-opt). */
    public static final Pattern EMAIL = Pattern.compile("^[\\w+\\-~]+(?:\\.[\\w+\\-~]+)*@[a-zA-Z0-9\\-]+(?:\\.[a-zA-Z0-9\\-]+)*$");

    private AccessIds() {}

    /** Checks a user id. */
    public static void userid(Violations v, String field, String userid) {
        if (userid == null || userid.isBlank()) {
            v.add(field, "must not be blank");
            return;
        }
        v.check(userid.length() <= USERID_MAX, field, "'" + userid + "' is longer than " + USERID_MAX + " characters");
        v.check(USERID.matcher(userid).matches(), field, "'" + userid
                + "' is not a Proxmox user id (name@realm: no whitespace, ':', '/' or '!' in the name, a realm starting with a letter)");
    }

    /** Checks a group id. */
    public static void groupid(Violations v, String field, String groupid) {
        v.checkText(groupid, field, g -> GROUPID.matcher(g).matches(), "'" + groupid + "' is not a Proxmox group id (letters, digits, '.', '-', '_')");
    }

    /** Checks a token's own id (the part after '!'). */
    public static void tokenid(Violations v, String field, String tokenid) {
        v.checkText(tokenid, field, t -> TOKENID.matcher(t).matches(), "'" + tokenid
                + "' is not a Proxmox token id (a letter, then letters, digits, '.', '-', '_'; two characters at least)");
    }

    /** Checks a full token id, {@code user@realm!tokenid}. */
    public static void fullTokenId(Violations v, String field, String full) {
        if (full == null || full.isBlank()) {
            v.add(field, "must not be blank");
            return;
        }
        int bang = full.lastIndexOf('!');
        if (bang < 0) {
            v.add(field, "'" + full + "' is not a full token id (user@realm!tokenid)");
            return;
        }
        userid(v, field, full.substring(0, bang));
        tokenid(v, field, full.substring(bang + 1));
    }

    /** Checks a role id. */
    public static void roleid(Violations v, String field, String role) {
        v.checkText(role, field, r -> ROLEID.matcher(r).matches(), "'" + role + "' is not a Proxmox role id (letters, digits, '.', '-', '_')");
    }

    /** Checks an ACL path. */
    public static void aclPath(Violations v, String field, String path) {
        v.checkText(path, field, p -> ACL_PATH.matcher(p).matches(), "'" + path
                + "' is not an ACL path ('/' or '/'-separated names such as /vms/100, /storage/local, /pool/lab)");
    }

    /** Checks free text that Proxmox stores in its line-based user.cfg. */
    public static void text(Violations v, String field, String value, int max) {
        if (value == null) {
            return;
        }
        v.check(value.length() <= max, field, "is longer than " + max + " characters");
        v.check(value.chars().noneMatch(c -> c == '\n' || c == '\r' || c == 0), field, "must be one line");
    }
}
