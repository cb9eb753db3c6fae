package dev.ops.pve.storage;

import dev.ops.core.error.Violations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A local file to upload to a storage: an ISO, a container template or an import file, optionally
 * with its SHA-256 for Proxmox to verify.
 *
 * <pre>{@code
 * client.changes(ops).upload(storage, u -> u.content("iso").file(Path.of("debian.iso")).sha256(digest));
 * }</pre>
 */
@Value.Immutable
public abstract class UploadRequest {
    /** The content types a file may be uploaded as. */
    public static final List<String> CONTENT = List.of("iso", "vztmpl", "import");

    /** {@code iso}, {@code vztmpl} or {@code import}. */
    public abstract String content();

    /** The local file; its name becomes the volume's. */
    public abstract Path file();

    /** The file's SHA-256 (hex), checked by Proxmox after the upload. */
    public abstract Optional<String> sha256();

    /** The volume the upload makes on {@code storage}, e.g. {@code local:iso/debian.iso}. */
    public String volumeId(String storage) {
        return storage + ":" + content() + "/" + file().getFileName();
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's settings, to derive a changed copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    @Value.Check
    protected void check() {
        Violations v = Violations.of("upload request");
        v.check(CONTENT.contains(content()), "content", "'" + content() + "' must be iso, vztmpl or import");
        v.check(Files.isReadable(file()) && Files.isRegularFile(file()), "file", file() + " is not a readable file");
        sha256().ifPresent(s -> v.check(s.matches("[0-9a-fA-F]{64}"), "sha256", "is not a SHA-256 hex digest"));
        v.throwIfAny();
    }

    /** Builds an {@link UploadRequest}. */
    public static final class Builder extends ImmutableUploadRequest.Builder {}
}
