package dev.ops.usr.ssh.internal;

import dev.ops.core.error.Violations;
import dev.ops.usr.ssh.SshKeyType;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Reads an OpenSSH public key blob (RFC 4253 wire format, plus the OpenSSH certificate and
 * security-key layouts), checking that it holds the declared type and nothing is missing or
 * left over. Yields the key size and the blob of the plain key, which {@code ssh-keygen -l}
 * fingerprints (for a certificate: the certified key, not the certificate).
 */
public final class KeyBlob {
    private final byte[] blob;
    private int pos;

    /** What a valid blob holds. */
    public record Parsed(int bits, byte[] plainBlob) {}

    private KeyBlob(byte[] blob) {
        this.blob = blob;
    }

    /** Parses {@code blob} declared as {@code type}; every problem goes to {@code v}, and null comes back when there was one. */
    public static Parsed parse(SshKeyType type, byte[] blob, Violations v) {
        try {
            return new KeyBlob(blob).read(type, v);
        } catch (Truncated e) {
            v.add("blob", "truncated: " + e.getMessage() + " (" + blob.length + " bytes in all)");
            return null;
        }
    }

    private Parsed read(SshKeyType type, Violations v) {
        String inner = new String(string("key type"), StandardCharsets.ISO_8859_1);
        if (!inner.equals(type.wireName())) {
            v.add("blob", "declared as " + type.wireName() + " but the blob holds a " + printable(inner) + " key");
            return null;
        }
        if (type.isCertificate()) {
            string("certificate nonce");
        }
        int keyStart = pos;
        int bits = switch (type.family()) {
            case RSA -> {
                mpint("RSA exponent");
                yield mpint("RSA modulus").bitLength();
            }
            case DSS -> {
                int b = mpint("DSA p").bitLength();
                mpint("DSA q");
                mpint("DSA g");
                mpint("DSA y");
                yield b;
            }
            case ECDSA, SK_ECDSA -> {
                String curve = new String(string("curve name"), StandardCharsets.ISO_8859_1);
                if (!curve.equals(type.curve())) {
                    v.add("blob", "declared as " + type.wireName() + " but the blob names curve " + printable(curve));
                }
                byte[] q = string("EC point");
                int coord = (fixedBits(type) + 7) / 8;
                if (q.length != 1 + 2 * coord || q[0] != 4) {
                    v.add("blob", "the EC point is not an uncompressed " + type.curve() + " point (" + q.length + " bytes)");
                }
                if (type.family() == SshKeyType.Family.SK_ECDSA) {
                    string("security key application");
                }
                yield fixedBits(type);
            }
            case ED25519, SK_ED25519 -> {
                byte[] pk = string("Ed25519 public key");
                if (pk.length != 32) {
                    v.add("blob", "the Ed25519 public key has " + pk.length + " bytes, expected 32");
                }
                if (type.family() == SshKeyType.Family.SK_ED25519) {
                    string("security key application");
                }
                yield 256;
            }
        };
        int keyEnd = pos;
        if (type.isCertificate()) {
            uint64("serial");
            uint32("certificate type");
            string("key id");
            string("valid principals");
            uint64("valid after");
            uint64("valid before");
            string("critical options");
            string("extensions");
            string("reserved");
            string("signature key");
            string("signature");
        }
        if (pos != blob.length) {
            v.add("blob", (blob.length - pos) + " unexpected bytes after the " + type.wireName() + " key");
        }
        if (!v.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        byte[] name = type.plain().wireName().getBytes(StandardCharsets.ISO_8859_1);
        plain.write(name.length >>> 24);
        plain.write(name.length >>> 16);
        plain.write(name.length >>> 8);
        plain.write(name.length);
        plain.writeBytes(name);
        plain.write(blob, keyStart, keyEnd - keyStart);
        return new Parsed(bits, plain.toByteArray());
    }

    private static int fixedBits(SshKeyType t) {
        return switch (t.curve()) {
            case "nistp256" -> 256;
            case "nistp384" -> 384;
            default -> 521;
        };
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return out.append("'").toString();
    }

    private byte[] string(String what) {
        long len = uint32(what + " length");
        if (len > blob.length - pos) {
            throw new Truncated(what + " needs " + len + " bytes at offset " + pos + " but only " + (blob.length - pos) + " remain");
        }
        byte[] out = new byte[(int) len];
        System.arraycopy(blob, pos, out, 0, (int) len);
        pos += (int) len;
        return out;
    }

    private BigInteger mpint(String what) {
        byte[] b = string(what);
        return b.length == 0 ? BigInteger.ZERO : new BigInteger(b);
    }

    private long uint32(String what) {
        need(4, what);
        long v = ((blob[pos] & 0xffL) << 24) | ((blob[pos + 1] & 0xffL) << 16) | ((blob[pos + 2] & 0xffL) << 8) | (blob[pos + 3] & 0xffL);
        pos += 4;
        return v;
    }

    private void uint64(String what) {
        need(8, what);
        pos += 8;
    }

    private void need(int n, String what) {
        if (blob.length - pos < n) {
            throw new Truncated(what + " needs " + n + " bytes at offset " + pos + " but only " + (blob.length - pos) + " remain");
        }
    }

    private static final class Truncated extends RuntimeException {
        Truncated(String message) {
            super(message, null, false, false);
        }
    }
}
