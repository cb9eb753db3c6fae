package dev.ops.sys.facts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.host.LocalHost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class HeadFilesTest {
    private static final List<String> PATHS = List.of("/a", "/b/c", "/d", "/e");

    private static String head(Map<String, String> files) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (var e : files.entrySet()) {
            out.append(first ? "" : "\n").append("==> ").append(e.getKey()).append(" <==\n").append(e.getValue());
            first = false;
        }
        return out.toString();
    }

    @Property
    void headOutputSplitsBackIntoTheFilesPresent(@ForAll @Size(4) List<@StringLength(max = 40) String> contents,
            @ForAll @Size(4) List<Boolean> present) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < PATHS.size(); i++) {
            if (present.get(i)) {
                files.put(PATHS.get(i), contents.get(i));
            }
        }
        // A content line that names a requested later file would be taken as a header: head cannot tell either.
        for (int i = 0; i < PATHS.size(); i++) {
            for (String later : PATHS.subList(i, PATHS.size())) {
                if (contents.get(i).contains("==> " + later + " <==")) {
                    return;
                }
            }
        }

        assertThat(HeadFiles.split(head(files), PATHS)).isEqualTo(files);
    }

    @Test
    void aFileImitatingTheHeaderOfAnEarlierOrUnrequestedFileStaysOneFile() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("/a", "x\n");
        files.put("/d", "==> /a <==\n==> /etc/shadow <==\ny\n");

        assertThat(HeadFiles.split(head(files), PATHS)).isEqualTo(files);
    }

    @Test
    void realHeadOutputOfThisMachinesFilesSplitsIntoTheirContents() throws Exception {
        List<String> paths = List.of("/proc/sys/kernel/osrelease", "/nonexistent/ops", "/proc/cmdline", "/etc/hostname");
        List<String> argv = new ArrayList<>(List.of("sh", "-c", "head -v -c 100000 \"$@\" 2>/dev/null; exit 0", "sh"));
        argv.addAll(paths);

        Map<String, String> files = HeadFiles.split(LocalHost.create().output(argv.toArray(String[]::new)), paths);

        assertThat(files).containsOnlyKeys("/proc/sys/kernel/osrelease", "/proc/cmdline", "/etc/hostname");
        assertThat(files.get("/proc/cmdline")).isEqualTo(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/cmdline")));
        assertThat(files.get("/etc/hostname")).isEqualTo(java.nio.file.Files.readString(java.nio.file.Path.of("/etc/hostname")));
    }
}
