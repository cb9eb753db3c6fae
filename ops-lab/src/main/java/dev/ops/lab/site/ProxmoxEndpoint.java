package dev.ops.lab.site;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the cluster's API is and how to log in, by reference: the URL, the pinned certificate's
 * SHA-256 fingerprint, and the names of the secrets holding the token id and the token secret.
 *
 * @param url the API's base URL, e.g. {@code https://pve1.lab:8006}
 * @param fingerprint the pinned certificate's fingerprint; empty when the system trust store is used
 * @param tokenId the secret holding the full token id ({@code user@realm!name})
 * @param tokenSecret the secret holding the token's secret
 */
public record ProxmoxEndpoint(String url, String fingerprint, SecretRef tokenId, SecretRef tokenSecret) {
    public ProxmoxEndpoint {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(tokenSecret, "tokenSecret");
    }

    /** The pinned fingerprint, when the site pins one. */
    public Optional<String> pinnedFingerprint() {
        return fingerprint.isEmpty() ? Optional.empty() : Optional.of(fingerprint);
    }
}
