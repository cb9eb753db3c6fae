package dev.ops.core.secret.source.internal;

import dev.ops.core.error.UnsafePermissionsException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import dev.ops.core.secret.Secret;
import dev.ops.core.secret.source.SecretSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One file per secret in a directory; refused when its group or others may read it. */
public final class FileSource implements SecretSource {
    private static final Set<PosixFilePermission> TOO_OPEN = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
    private final Path directory;

    public FileSource(Path directory) {
        this.directory = directory;
    }

    @Override
    public String describe() {
        return "file " + directory;
    }

    @Override
    public Optional<Secret> find(String name) {
        if (!name.matches("[A-Za-z0-9_.-]+") || name.startsWith(".")) {
            throw new ValidationException("secret name", List.of(new Violation("name", "'" + name + "' is not a secret name")));
        }
        Path file = directory.resolve(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
            if (perms.stream().anyMatch(TOO_OPEN::contains)) {
                throw new UnsafePermissionsException(file, "a secret file must be readable by its owner only (chmod 600)");
            }
            String text = Files.readString(file);
            return Optional.of(Secret.of(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text));
        } catch (IOException e) {
            throw new UnsafePermissionsException(file, "cannot be read: " + e.getClass().getSimpleName());
        }
    }
}
