package dev.ops.proxmox.internal;

import dev.ops.core.error.Violations;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** Builds the trust material for the three ways a client may trust a Proxmox server. */
public final class Tls {
    private Tls() {}

    /** How the server is trusted: the system store, given CAs, or pinned SHA-256 fingerprints. */
    public sealed interface Trust permits SystemTrust, CaTrust, PinnedTrust, ManagerTrust {}

    /** The JDK's default trust store. */
    public record SystemTrust() implements Trust {}

    /** Certificates (CAs or the server's own self-signed one) trusted as anchors; hostnames checked unless told not to. */
    public record CaTrust(List<X509Certificate> anchors, boolean verifyHostname) implements Trust {}

    /** Any certificate whose SHA-256 fingerprint is one of these (uppercase hex, colon-separated), whatever its name. */
    public record PinnedTrust(List<String> fingerprints) implements Trust {}

    /** A caller's own trust manager; hostnames checked unless told not to. */
    public record ManagerTrust(X509TrustManager manager, boolean verifyHostname) implements Trust {}

    /** Normalizes a fingerprint given as {@code AB:CD:...} or plain hex to {@code AB:CD:...}; adds a violation when malformed. */
    public static String normalizeFingerprint(String fp, Violations v) {
        String hex = fp == null ? "" : fp.replace(":", "").replace(" ", "").trim().toUpperCase(Locale.ROOT);
        if (!hex.matches("[0-9A-F]{64}")) {
            v.add("pinnedCertificate", "'" + fp + "' is not a SHA-256 fingerprint (64 hex digits, optionally colon-separated)");
            return fp;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 64; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, i + 2);
        }
        return sb.toString();
    }

    /** The SHA-256 fingerprint of a certificate, {@code AB:CD:...}. */
    public static String fingerprint(X509Certificate cert) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The trust manager for a trust choice. */
    public static X509TrustManager trustManager(Trust trust) {
        try {
            return switch (trust) {
                case SystemTrust s -> fromStore(null);
                case CaTrust c -> {
                    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
                    ks.load(null, null);
                    for (int i = 0; i < c.anchors().size(); i++) {
                        ks.setCertificateEntry("ca-" + i, c.anchors().get(i));
                    }
                    yield fromStore(ks);
                }
                case PinnedTrust p -> new PinningTrustManager(p.fingerprints());
                case ManagerTrust m -> m.manager();
            };
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    /** An SSL context using {@code tm}. */
    public static SSLContext context(X509TrustManager tm) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** A verifier that accepts any name: used only where the certificate itself is pinned. */
    public static HostnameVerifier pinnedNames() {
        return (host, session) -> true;
    }

    private static X509TrustManager fromStore(KeyStore ks) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new IllegalStateException("no X509TrustManager available");
    }

    /** Trusts exactly the leaf certificates with the pinned fingerprints. */
    static final class PinningTrustManager implements X509TrustManager {
        private final List<String> pins;

        PinningTrustManager(List<String> pins) {
            this.pins = List.copyOf(pins);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the server presented no certificate");
            }
            String actual = fingerprint(chain[0]);
            if (!pins.contains(actual)) {
                throw new CertificateException("certificate fingerprint mismatch: the server presented SHA-256 " + actual
                        + " but the pinned fingerprint is " + String.join(" or ", pins));
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client certificates are not checked by this trust manager");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
