package dev.ops.sys.facts;

import java.util.List;

/**
 * One line of /proc/self/mountinfo: where a filesystem is mounted, from what, with which options.
 *
 * @param mountId the mount's unique id
 * @param parentId the id of the parent mount
 * @param majorMinor the device number {@code major:minor}
 * @param root the path inside the filesystem that forms this mount's root
 * @param mountPoint where it is mounted, escapes decoded
 * @param options per-mount options ({@code rw}, {@code relatime})
 * @param optionalFields tagged fields such as {@code shared:1}
 * @param fsType the filesystem type ({@code ext4}, {@code tmpfs})
 * @param source the device or pseudo source
 * @param superOptions per-superblock options
 */
public record Mount(int mountId, int parentId, String majorMinor, String root, String mountPoint, List<String> options,
        List<String> optionalFields, String fsType, String source, List<String> superOptions) {

    public Mount {
        options = List.copyOf(options);
        optionalFields = List.copyOf(optionalFields);
        superOptions = List.copyOf(superOptions);
    }

    /** Whether the mount is read-only. */
    public boolean readOnly() {
        return options.contains("ro");
    }
}
