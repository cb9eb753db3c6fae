package dev.ops.pve.storage;

import dev.ops.core.error.Violations;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Has the node fetch an ISO or container template itself ({@code POST .../download-url}),
 * verified against a checksum.
 */
@Value.Immutable
public abstract class DownloadUrlRequest {

    /** The http(s) URL to fetch. */
    public abstract String url();

    /** The file name on the storage. */
    public abstract String fileName();

    /** {@code iso}, {@code vztmpl} or {@code import}. */
    public abstract String content();

    /** The expected checksum (hex). */
    public abstract Optional<String> checksum();

    /** md5, sha1, sha224, sha256, sha384 or sha512. */
    public abstract Optional<String> checksumAlgorithm();

    /** {@code verify-certificates} of the download. */
    public abstract Optional<Boolean> verifyCertificates();

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's settings, to derive a changed copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** The volume id the download will create on {@code storage}. */
    public String volumeId(String storage) {
        return storage + ":" + content() + "/" + fileName();
    }


    @Value.Check
    protected void check() {
        Violations v = Violations.of("download-url request");
        v.check(url().matches("https?://\\S+"), "url", "'" + url() + "' is not an http(s) URL");
        v.check(fileName().matches("[^/\\s]+"), "fileName", "'" + fileName() + "' must be a plain file name");
        v.check(List.of("iso", "vztmpl", "import").contains(content()), "content", "'" + content() + "' must be iso, vztmpl or import");
        v.check(checksum().isPresent() == checksumAlgorithm().isPresent(), "checksum", "give both checksum and checksumAlgorithm, or neither");
        checksumAlgorithm().ifPresent(a -> v.check(List.of("md5", "sha1", "sha224", "sha256", "sha384", "sha512").contains(a),
                "checksumAlgorithm", "'" + a + "' is not one of md5, sha1, sha224, sha256, sha384, sha512"));
        checksum().ifPresent(c -> v.check(c.matches("[0-9a-fA-F]+"), "checksum", "must be hex"));
        v.throwIfAny();
    }

    /** Builds a {@link DownloadUrlRequest}. */
    public static final class Builder extends ImmutableDownloadUrlRequest.Builder {}
}
