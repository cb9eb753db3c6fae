package dev.ops.net.mac;

import dev.ops.net.mac.internal.MacClaims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ConflictException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.store.InMemoryStateStore;
import dev.ops.core.store.StateStore;
import dev.ops.net.MacAddress;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MacClaimsTest {
    final StateStore store = InMemoryStateStore.create();
    final MacClaims macs = MacClaims.create(store);

    @Test
    void randomMacsAreLocallyAdministeredUnicastUnderThePrefix() {
        MacAddress m = macs.random("vm/101/net0");

        assertThat(m.toString()).startsWith("02:00:00:");
        assertThat(m.isLocallyAdministered()).isTrue();
        assertThat(m.isMulticast()).isFalse();
        assertThat(macs.owner(m)).contains("vm/101/net0");
    }

    @Test
    void aRandomDrawThatCollidesIsDrawnAgain() {
        MacClaims seeded = macs.withRandom(new Random(7));
        MacAddress first = seeded.random("a");
        MacClaims sameSeed = macs.withRandom(new Random(7));

        MacAddress second = sameSeed.random("b");

        assertThat(second).isNotEqualTo(first);
        assertThat(macs.owner(first)).contains("a");
    }

    @Test
    void aThousandRandomMacsAreDistinct() {
        Set<MacAddress> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.add(macs.random("o" + i))).isTrue();
        }
    }

    @Test
    void derivedMacsAreStableForTheSamePairAndDifferForOthers() {
        MacAddress a = macs.derived("node-02", "vm/101/net0");

        assertThat(macs.derived("node-02", "vm/101/net0")).isEqualTo(a);
        assertThat(MacClaims.derive("node-02", "vm/101/net0")).isEqualTo(a);
        assertThat(macs.derived("node-03", "vm/101/net0")).isNotEqualTo(a);
        assertThat(a.toString()).startsWith("02:00:00:");
    }

    @Test
    void aDerivedMacHeldBySomeoneElseIsAConflict() {
        MacAddress wanted = MacClaims.derive("node-02", "vm/101/net0");
        macs.claim(wanted, "imported/vm/7");

        assertThatThrownBy(() -> macs.derived("node-02", "vm/101/net0")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("imported/vm/7");
    }

    @Test
    void badAndMulticastMacsAreRefused() {
        assertThatThrownBy(() -> macs.claim("02:00:00:zz:00:01", "x")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> macs.claim("01:00:5e:00:00:01", "x")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("multicast");
        assertThatThrownBy(() -> MacAddress.parse("02:00:00:00:00")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> MacAddress.parse("02:00-00:00:00:01")).isInstanceOf(ValidationException.class);
    }

    @Test
    void aReleasedMacCanBeClaimedByAnotherOwner() {
        MacAddress m = macs.random("a");
        assertThat(macs.release(m)).isTrue();
        assertThat(macs.claim(m, "b")).isEqualTo(m);
    }
}
