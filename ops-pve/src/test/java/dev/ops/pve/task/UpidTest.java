package dev.ops.pve.task;

import dev.ops.proxmox.task.Upid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.ops.core.error.ValidationException;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.AlphaChars;
import org.junit.jupiter.api.Test;

class UpidTest {

    @Test
    void parsesEveryPartOfAUpid() {
        Upid u = Upid.parse("UPID:pve-01:0000A1B2:0123ABCD:6740F00D:qmclone:9000:root@pam!ops:");
        assertThat(u.node()).isEqualTo("pve-01");
        assertThat(u.pid()).isEqualTo(0xA1B2);
        assertThat(u.pstart()).isEqualTo(0x0123ABCD);
        assertThat(u.startTime()).isEqualTo(Instant.ofEpochSecond(0x6740F00D));
        assertThat(u.type()).isEqualTo("qmclone");
        assertThat(u.id()).isEqualTo("9000");
        assertThat(u.user()).isEqualTo("root@pam!ops");
    }

    @Test
    void parsesAProxmoxBackupServerUpidWhichHasATaskCounterBeforeTheStartTime() {
        String value = "UPID:pbs:000004D2:0000162E:00000003:6740F00D:verificationjob:store1\\x3av\\x2dabc:root@pam!ops:";
        Upid u = Upid.parse(value);
        assertThat(u.node()).isEqualTo("pbs");
        assertThat(u.pid()).isEqualTo(0x4D2);
        assertThat(u.pstart()).isEqualTo(0x162E);
        assertThat(u.startTime()).isEqualTo(Instant.ofEpochSecond(0x6740F00D));
        assertThat(u.type()).isEqualTo("verificationjob");
        assertThat(u.id()).isEqualTo("store1\\x3av\\x2dabc");
        assertThat(u.user()).isEqualTo("root@pam!ops");
        assertThat(u.value()).isEqualTo(value);
    }

    @Test
    void acceptsAnEmptyIdAndANineDigitPstart() {
        Upid u = Upid.parse("UPID:pve:00001234:1234ABCDE:6740F00D:vzdump::root@pam:");
        assertThat(u.id()).isEmpty();
        assertThat(u.pstart()).isEqualTo(0x1234ABCDEL);
    }

    @Test
    void refusesWhatIsNotAUpidNamingTheValue() {
        assertThatThrownBy(() -> Upid.parse("UPID:pve:xyz")).isInstanceOf(ValidationException.class).hasMessageContaining("UPID:pve:xyz");
        assertThat(Upid.isUpid(null)).isFalse();
        assertThat(Upid.isUpid("")).isFalse();
    }

    @Property(tries = 200)
    void roundTripsWhatProxmoxWrites(@ForAll @StringLength(min = 1, max = 20) @AlphaChars String node,
            @ForAll @IntRange(min = 0) int pid, @ForAll @LongRange(min = 0, max = 0xFFFFFFFFL) long pstart,
            @ForAll @LongRange(min = 0, max = 0xFFFFFFFFL) long start, @ForAll @IntRange(min = 100, max = 999999) int vmid) {
        String text = String.format("UPID:%s:%08X:%08X:%08X:qmstart:%d:root@pam:", node, pid, pstart, start, vmid);
        Upid u = Upid.parse(text);
        assertThat(u.node()).isEqualTo(node);
        assertThat(u.pid()).isEqualTo(pid);
        assertThat(u.pstart()).isEqualTo(pstart);
        assertThat(u.startTime().getEpochSecond()).isEqualTo(start);
        assertThat(u.id()).isEqualTo(String.valueOf(vmid));
        assertThat(u.value()).isEqualTo(text);
    }
}
