package dev.ops.lab.restore.internal;

import dev.ops.core.text.AsciiNumbers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a backup archive's volume id says about the guest it was taken of. */
public final class Archives {
    private static final Pattern VZDUMP = Pattern.compile("vzdump-(?:qemu|lxc)-(\\d+)-");
    private static final Pattern PBS = Pattern.compile("/(?:vm|ct)/(\\d+)/");

    private Archives() {}

    /** The VMID the backup was taken of; 0 when the name does not say. */
    public static int vmidOf(String archive) {
        for (Pattern p : new Pattern[] {VZDUMP, PBS}) {
            Matcher m = p.matcher(archive);
            if (m.find()) {
                return AsciiNumbers.parseInt(m.group(1));
            }
        }
        return 0;
    }
}
