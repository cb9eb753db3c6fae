package dev.ops.sys.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.sys.metrics.internal.ProcParsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ProcCountersPropertiesTest {

    @Property
    void cpuLinesParseBack(@ForAll @Size(8) List<@LongRange(min = 0, max = Long.MAX_VALUE / 16) Long> v) {
        String line = "cpu3 " + String.join(" ", v.stream().map(String::valueOf).toList()) + " 0 0\n";

        assertThat(ProcParsers.cpuLines("intr 1 2\n" + line)).containsEntry("cpu3",
                new CpuTimes(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6), v.get(7)));
    }

    @Property
    void diskstatsLinesParseBack(@ForAll @AlphaChars @StringLength(min = 1, max = 10) String dev,
            @ForAll @Size(17) List<@LongRange(min = 0, max = Long.MAX_VALUE) Long> v) {
        StringBuilder line = new StringBuilder("   8       0 ").append(dev);
        v.forEach(x -> line.append(' ').append(x));

        assertThat(ProcParsers.diskstats(line + "\n")).containsEntry(dev, new DiskCounters(dev, v.get(0), v.get(2), v.get(4), v.get(6), v.get(9)));
    }

    @Property
    void netdevLinesParseBack(@ForAll @AlphaChars @StringLength(min = 1, max = 15) String iface,
            @ForAll @Size(16) List<@LongRange(min = 0, max = Long.MAX_VALUE) Long> v) {
        StringBuilder text = new StringBuilder("Inter-|   Receive |  Transmit\n face |bytes packets|bytes packets\n");
        text.append(String.format("%6s:", iface));
        v.forEach(x -> text.append(' ').append(x));

        assertThat(ProcParsers.netdev(text + "\n")).containsEntry(iface, new NetCounters(iface, v.get(0), v.get(1), v.get(8), v.get(9)));
    }

    @Property
    void pressureParsesBack(@ForAll @LongRange(min = 0, max = 10000) long some10, @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long someTotal,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long fullTotal) {
        String text = String.format("some avg10=%.2f avg60=0.00 avg300=0.00 total=%d%nfull avg10=0.00 avg60=0.00 avg300=0.00 total=%d%n",
                some10 / 100.0, someTotal, fullTotal);

        assertThat(ProcParsers.pressure(text)).isEqualTo(new Pressure(true, some10 / 100.0, someTotal, 0.0, fullTotal));
    }

    @Test
    void thisMachinesCounterFilesParse() throws IOException {
        assertThat(ProcParsers.cpuLines(Files.readString(Path.of("/proc/stat")))).containsKey("cpu");
        assertThat(ProcParsers.diskstats(Files.readString(Path.of("/proc/diskstats"))))
                .hasSize((int) Files.readString(Path.of("/proc/diskstats")).lines().count());
        assertThat(ProcParsers.netdev(Files.readString(Path.of("/proc/net/dev")))).containsKey("lo");
        Path psi = Path.of("/proc/pressure/memory");
        if (Files.exists(psi)) {
            assertThat(ProcParsers.pressure(Files.readString(psi)).present()).isTrue();
        }
    }
}
