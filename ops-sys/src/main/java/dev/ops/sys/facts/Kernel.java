package dev.ops.sys.facts;

import java.util.List;

/**
 * The running kernel.
 *
 * @param release {@code /proc/sys/kernel/osrelease}, e.g. {@code 6.1.0-18-amd64}
 * @param version {@code /proc/sys/kernel/version}, the build string
 * @param architecture the machine hardware name, e.g. {@code x86_64}
 * @param commandLine {@code /proc/cmdline}, as one string
 * @param bootId {@code /proc/sys/kernel/random/boot_id}, changes at every boot
 */
public record Kernel(String release, String version, String architecture, String commandLine, String bootId) {

    /** The command line split into words (kernel parameters do not quote spaces except within double quotes). */
    public List<String> commandLineWords() {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        for (char c : commandLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!w.isEmpty()) {
                    out.add(w.toString());
                    w.setLength(0);
                }
            } else {
                w.append(c);
            }
        }
        if (!w.isEmpty()) {
            out.add(w.toString());
        }
        return out;
    }
}
