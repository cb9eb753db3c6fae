package dev.ops.sys.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.sys.process.internal.ProcStat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ProcStatPropertiesTest {

    @Property
    void statLinesKeepCommsWithSpacesAndParentheses(@ForAll @LongRange(min = 1, max = 4194304) long pid,
            @ForAll @StringLength(max = 15) @CharRange(from = 'a', to = 'z') @Chars({' ', '(', ')', ':', '-'}) String comm,
            @ForAll @LongRange(min = 0, max = 4194304) long ppid, @ForAll @LongRange(min = 0, max = 1L << 40) long utime) {
        String line = pid + " (" + comm + ") S " + ppid + " 1 1 0 -1 4194560 100 0 0 0 " + utime + " 5 0 0 20 0 3 0 12345 1000000 250"
                + " 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";

        ProcStat.StatLine s = ProcStat.parseStat(line);

        assertThat(s.pid()).isEqualTo(pid);
        assertThat(s.comm()).isEqualTo(comm);
        assertThat(s.rest()[0]).isEqualTo("S");
        assertThat(s.field(4)).isEqualTo(ppid);
        assertThat(s.field(14)).isEqualTo(utime);
        assertThat(s.field(24)).isEqualTo(250);
    }

    @Property
    void cmdlinesSplitOnNul(@ForAll @Size(min = 1, max = 6) List<@StringLength(max = 10) @CharRange(from = 'a', to = 'z') @Chars({' ', '='}) String> argv) {
        assertThat(ProcStat.parseCmdline(String.join("\0", argv) + "\0")).containsExactlyElementsOf(argv);
    }

    @Property
    void headOutputSplitsBackIntoFiles(@ForAll @Size(min = 1, max = 5) List<@IntRange(min = 1, max = 99999) Integer> pids,
            @ForAll @StringLength(max = 30) @CharRange(from = 'a', to = 'z') @Chars({' ', '\n', '\0'}) String cmdline) {
        List<Integer> distinct = pids.stream().distinct().toList();
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (int pid : distinct) {
            for (String file : List.of("stat", "cmdline")) {
                out.append(first ? "" : "\n").append("==> ").append(pid).append('/').append(file).append(" <==\n");
                out.append(file.equals("stat") ? pid + " (x) S 1\n" : cmdline);
                first = false;
            }
        }
        if (cmdline.contains("\n==> ") || cmdline.startsWith("==> ")) {
            return;
        }

        Map<Long, Map<String, String>> files = ProcStat.splitHead(out.toString());

        assertThat(files).hasSize(distinct.size());
        for (int pid : distinct) {
            assertThat(files.get((long) pid)).containsEntry("stat", pid + " (x) S 1\n").containsEntry("cmdline", cmdline);
        }
    }

    @Test
    void thisProcessesOwnFilesParse() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        Map<String, String> status = ProcStat.parseStatus(Files.readString(Path.of("/proc/self/status")));
        List<String> cmdline = ProcStat.parseCmdline(new String(Files.readAllBytes(Path.of("/proc/self/cmdline")), StandardCharsets.UTF_8));

        assertThat(ProcStat.parseStat(stat).pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(status.get("Pid")).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        assertThat(cmdline.get(0)).endsWith("java");
    }
}
