package dev.ops.usr.ssh;

import java.util.Optional;

/**
 * The public key types OpenSSH accepts in {@code authorized_keys}, plain and certificate, with the
 * label {@code ssh-keygen -l} prints for each.
 */
public enum SshKeyType {
    RSA("ssh-rsa", "RSA", Family.RSA, 0),
    DSS("ssh-dss", "DSA", Family.DSS, 0),
    ECDSA_NISTP256("ecdsa-sha2-nistp256", "ECDSA", Family.ECDSA, 256),
    ECDSA_NISTP384("ecdsa-sha2-nistp384", "ECDSA", Family.ECDSA, 384),
    ECDSA_NISTP521("ecdsa-sha2-nistp521", "ECDSA", Family.ECDSA, 521),
    ED25519("ssh-ed25519", "ED25519", Family.ED25519, 256),
    SK_ECDSA_NISTP256("sk-ecdsa-sha2-nistp256@openssh.com", "ECDSA-SK", Family.SK_ECDSA, 256),
    SK_ED25519("sk-ssh-ed25519@openssh.com", "ED25519-SK", Family.SK_ED25519, 256),
    RSA_CERT("ssh-rsa-cert-v01@openssh.com", "RSA-CERT", Family.RSA, 0),
    DSS_CERT("ssh-dss-cert-v01@openssh.com", "DSA-CERT", Family.DSS, 0),
    ECDSA_NISTP256_CERT("ecdsa-sha2-nistp256-cert-v01@openssh.com", "ECDSA-CERT", Family.ECDSA, 256),
    ECDSA_NISTP384_CERT("ecdsa-sha2-nistp384-cert-v01@openssh.com", "ECDSA-CERT", Family.ECDSA, 384),
    ECDSA_NISTP521_CERT("ecdsa-sha2-nistp521-cert-v01@openssh.com", "ECDSA-CERT", Family.ECDSA, 521),
    ED25519_CERT("ssh-ed25519-cert-v01@openssh.com", "ED25519-CERT", Family.ED25519, 256),
    SK_ECDSA_NISTP256_CERT("sk-ecdsa-sha2-nistp256-cert-v01@openssh.com", "ECDSA-SK-CERT", Family.SK_ECDSA, 256),
    SK_ED25519_CERT("sk-ssh-ed25519-cert-v01@openssh.com", "ED25519-SK-CERT", Family.SK_ED25519, 256);

    /** The shape of the public key inside a blob. */
    public enum Family { RSA, DSS, ECDSA, ED25519, SK_ECDSA, SK_ED25519 }

    private final String wireName;
    private final String label;
    private final Family family;
    private final int curveBits;

    SshKeyType(String wireName, String label, Family family, int curveBits) {
        this.wireName = wireName;
        this.label = label;
        this.family = family;
        this.curveBits = curveBits;
    }

    /** The name as written in the key line and inside the blob, e.g. {@code ssh-ed25519}. */
    public String wireName() {
        return wireName;
    }

    /** The label {@code ssh-keygen -l} prints in parentheses, e.g. {@code ED25519-CERT}. */
    public String label() {
        return label;
    }

    /** The public key shape. */
    public Family family() {
        return family;
    }

    /** Whether this is an OpenSSH certificate type. */
    public boolean isCertificate() {
        return wireName.contains("-cert-v01@openssh.com");
    }

    /** The plain key type a certificate certifies (this type itself when it is plain). */
    public SshKeyType plain() {
        if (!isCertificate()) {
            return this;
        }
        String name = wireName.replace("-cert-v01@openssh.com", "");
        if (this == SK_ECDSA_NISTP256_CERT || this == SK_ED25519_CERT) {
            name = name + "@openssh.com";
        }
        return fromWireName(name).orElseThrow();
    }

    /** The curve name inside an ECDSA blob ({@code nistp256} ...), empty for other families. */
    public String curve() {
        return family == Family.ECDSA || family == Family.SK_ECDSA ? "nistp" + curveBits : "";
    }

    /** The type of that wire name, if OpenSSH knows it. */
    public static Optional<SshKeyType> fromWireName(String name) {
        for (SshKeyType t : values()) {
            if (t.wireName.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
