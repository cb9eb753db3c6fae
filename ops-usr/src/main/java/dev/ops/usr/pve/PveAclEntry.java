package dev.ops.usr.pve;

import java.util.Objects;

/**
 * One Proxmox VE ACL entry as {@code GET /access/acl} lists it: a role granted to a principal on a path.
 *
 * @param path the ACL path, e.g. {@code /vms/100}
 * @param type the kind of principal
 * @param principal the user id, group id or full token id ({@code user@realm!tokenid})
 * @param role the role id, e.g. {@code PVEVMUser}
 * @param propagate whether the grant is inherited by the paths below
 */
public record PveAclEntry(String path, PrincipalType type, String principal, String role, boolean propagate) {

    public PveAclEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(role, "role");
    }

    /** Whether this entry grants the same role to the same principal on the same path (propagation aside). */
    public boolean sameGrant(PveAclEntry other) {
        return path.equals(other.path) && type == other.type && principal.equals(other.principal) && role.equals(other.role);
    }

    /** The kind of principal an ACL entry names. */
    public enum PrincipalType {
        /** A user, {@code name@realm}. */
        USER("user", "users"),
        /** A group. */
        GROUP("group", "groups"),
        /** An API token, {@code name@realm!tokenid}. */
        TOKEN("token", "tokens");

        private final String wire;
        private final String parameter;

        PrincipalType(String wire, String parameter) {
            this.wire = wire;
            this.parameter = parameter;
        }

        /** The {@code type} value of {@code GET /access/acl}. */
        public String wire() {
            return wire;
        }

        /** The {@code PUT /access/acl} parameter that lists principals of this kind. */
        public String parameter() {
            return parameter;
        }

        /** The type for a {@code type} value of {@code GET /access/acl}. */
        public static PrincipalType fromWire(String wire) {
            for (PrincipalType t : values()) {
                if (t.wire.equals(wire)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown ACL principal type '" + wire + "'");
        }
    }
}
