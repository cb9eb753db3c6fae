package dev.ops.sys.facts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.host.LocalHost;
import dev.ops.sys.facts.Mount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParsersOnRealFilesTest {

    private static String read(String path) throws IOException {
        return Files.readString(Path.of(path));
    }

    @Test
    void thisMachinesMountinfoHasTheRootMountAndProc() throws IOException {
        List<Mount> mounts = MountinfoParser.parse(read("/proc/self/mountinfo"));

        assertThat(mounts).extracting(Mount::mountPoint).contains("/", "/proc");
        assertThat(mounts).filteredOn(m -> m.mountPoint().equals("/proc")).extracting(Mount::fsType).contains("proc");
        assertThat(mounts).hasSize((int) read("/proc/self/mountinfo").lines().count());
    }

    @Test
    void thisMachinesMeminfoHasATotalInBytes() throws IOException {
        Map<String, Long> mem = MeminfoParser.parse(read("/proc/meminfo"));

        String line = read("/proc/meminfo").lines().filter(l -> l.startsWith("MemTotal:")).findFirst().orElseThrow();
        long kb = Long.parseLong(line.replaceAll("\\D", ""));
        assertThat(mem).containsEntry("MemTotal", kb * 1024);
        assertThat(mem).containsKeys("MemFree", "SwapTotal");
    }

    @Test
    void thisMachinesOsReleaseHasAnId() throws IOException {
        Path p = Files.exists(Path.of("/etc/os-release")) ? Path.of("/etc/os-release") : Path.of("/usr/lib/os-release");
        Map<String, String> os = OsReleaseParser.parse(Files.readString(p));

        assertThat(os.get("ID")).matches("[a-z0-9._-]+");
        assertThat(os.get("PRETTY_NAME")).doesNotStartWith("\"");
    }

    @Test
    void thisMachinesDfOutputHasTheRootFilesystem() {
        String df = LocalHost.create().run("df", "-P", "-B1").stdoutText();

        assertThat(DfParser.parse(df)).anySatisfy(u -> {
            assertThat(u.mountPoint()).isEqualTo("/");
            assertThat(u.totalBytes()).isPositive();
            assertThat(u.usedBytes() + u.availableBytes()).isLessThanOrEqualTo(u.totalBytes());
        });
    }

    @Test
    void thisMachinesCpuinfoHasOneBlockPerOnlineCpuAtLeast() throws IOException {
        List<Map<String, String>> blocks = CpuinfoParser.blocks(read("/proc/cpuinfo"));

        assertThat(blocks).hasSizeGreaterThanOrEqualTo(CpuinfoParser.cpuList(read("/sys/devices/system/cpu/online")).size());
        assertThat(blocks).allSatisfy(b -> assertThat(b).containsKey("processor"));
    }
}
