package dev.ops.sys.facts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.sys.facts.FilesystemUsage;
import dev.ops.sys.facts.Mount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class ParsersPropertiesTest {

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.strings().withChars("abz09/ \t\\_.-\n").ofMinLength(1).ofMaxLength(30).map(s -> "/" + s);
    }

    @Property
    void mountinfoEscapingRoundTrips(@ForAll("paths") String path) {
        assertThat(MountinfoParser.unescape(MountinfoParser.escape(path))).isEqualTo(path);
    }

    @Property
    void mountinfoLinesParseBackToTheirFields(@ForAll("paths") String mountPoint, @ForAll("paths") String source,
            @ForAll @IntRange(min = 1, max = 100000) int id, @ForAll @Size(max = 3) List<@IntRange(min = 1, max = 99) Integer> peers) {
        List<String> optional = peers.stream().map(p -> "shared:" + p).toList();
        String line = id + " 1 8:1 / " + MountinfoParser.escape(mountPoint) + " rw,relatime"
                + (optional.isEmpty() ? "" : " " + String.join(" ", optional)) + " - ext4 " + MountinfoParser.escape(source) + " rw,errors=remount-ro";

        List<Mount> mounts = MountinfoParser.parse("garbage line\n" + line + "\n");

        assertThat(mounts).containsExactly(new Mount(id, 1, "8:1", "/", mountPoint, List.of("rw", "relatime"), optional, "ext4", source,
                List.of("rw", "errors=remount-ro")));
    }

    @Property
    void meminfoGivesKilobyteFieldsInBytesAndCountsAsThey(@ForAll @Size(max = 20) Map<@StringLength(min = 1, max = 12) @net.jqwik.api.constraints.AlphaChars String,
            @LongRange(min = 0, max = Long.MAX_VALUE / 2048) Long> kb, @ForAll @LongRange(min = 0, max = 100000) long pages) {
        StringBuilder text = new StringBuilder();
        kb.forEach((k, v) -> text.append(k).append(":").append(" ".repeat(1 + (int) (v % 7))).append(v).append(" kB\n"));
        text.append("HugePages_Total:").append(" ").append(pages).append('\n');

        Map<String, Long> parsed = MeminfoParser.parse(text.toString());

        kb.forEach((k, v) -> assertThat(parsed).containsEntry(k, v * 1024));
        assertThat(parsed).containsEntry("HugePages_Total", pages);
    }

    @Property
    void osReleaseDoubleQuotedValuesRoundTrip(@ForAll @StringLength(max = 40) String value) {
        String quoted = "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`") + "\"";
        if (value.contains("\n")) {
            return;
        }
        Map<String, String> parsed = OsReleaseParser.parse("# comment\nNAME=" + quoted + "\nID=debian\n");

        assertThat(parsed).containsEntry("NAME", value).containsEntry("ID", "debian");
    }

    @Property
    void dfLinesParseWithSpacesInSourceAndMountPoint(@ForAll("paths") String mountPoint, @ForAll @StringLength(min = 1, max = 20)
            @net.jqwik.api.constraints.CharRange(from = 'a', to = 'z') @net.jqwik.api.constraints.Chars({' ', '/'}) String source,
            @ForAll @LongRange(min = 0, max = 1L << 50) long used, @ForAll @LongRange(min = 0, max = 1L << 50) long avail) {
        if (mountPoint.contains("\n") || source.isBlank() || source.strip().length() != source.length()) {
            return;
        }
        long total = used + avail;
        String text = "Filesystem 1-blocks Used Available Capacity Mounted on\n"
                + source + "  " + total + " " + used + " " + avail + " " + (total == 0 ? 0 : used * 100 / total) + "% " + mountPoint + "\n";

        assertThat(DfParser.parse(text)).containsExactly(new FilesystemUsage(mountPoint, source, total, used, avail));
    }

    @Property
    void cpuListsParseToTheCpusTheyName(@ForAll @Size(max = 40) List<@IntRange(min = 0, max = 200) Integer> cpus) {
        TreeSet<Integer> set = new TreeSet<>(cpus);
        List<String> parts = new ArrayList<>();
        Integer start = null;
        Integer prev = null;
        for (int c : set) {
            if (start == null) {
                start = c;
            } else if (c != prev + 1) {
                parts.add(start.equals(prev) ? "" + start : start + "-" + prev);
                start = c;
            }
            prev = c;
        }
        if (start != null) {
            parts.add(start.equals(prev) ? "" + start : start + "-" + prev);
        }

        assertThat(CpuinfoParser.cpuList(String.join(",", parts) + "\n")).containsExactlyElementsOf(set);
    }

    @Property
    void sectionsSplitBackToTheirContents(@ForAll @Size(min = 1, max = 5) List<@StringLength(max = 50) String> contents) {
        String marker = "@@m-1";
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < contents.size(); i++) {
            out.append('\n').append(marker).append(" s").append(i).append('\n').append(contents.get(i));
        }
        out.append('\n').append(marker).append(" end\n");

        Map<String, String> sections = Sections.split(out.toString(), marker);

        for (int i = 0; i < contents.size(); i++) {
            if (!contents.get(i).contains(marker)) {
                assertThat(sections.get("s" + i)).isEqualTo(contents.get(i));
            }
        }
        assertThat(sections).containsKey("end");
    }
}
