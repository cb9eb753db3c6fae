package dev.ops.net.naming;

import dev.ops.net.naming.internal.NameSequences;
import dev.ops.core.text.HostNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.core.store.InMemoryStateStore;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class NamingConventionTest {
    final NamingConvention pve = NamingConvention.of("pve-{node}-{type}-{seq:02d}");

    @Test
    void formatsWithZeroPaddedSequence() {
        assertThat(pve.format("node-02", "vm", 7)).isEqualTo("pve-node-02-vm-07");
        assertThat(pve.format("n1", "ct", 123)).isEqualTo("pve-n1-ct-123");
    }

    @Test
    void parsesANodeNameThatContainsHyphens() {
        assertThat(pve.parse("pve-node-02-vm-07")).contains(new ResourceName("node-02", "vm", 7));
        assertThat(pve.parse("pve-node-02-vm-7")).isEmpty();
        assertThat(pve.parse("web-01")).isEmpty();
    }

    @Property(tries = 200)
    void parseInvertsFormat(@ForAll("nodes") String node, @ForAll @StringLength(min = 1, max = 4) @net.jqwik.api.constraints.CharRange(from = 'a', to = 'z') String type,
            @ForAll @IntRange(min = 0, max = 99999) int seq) {
        assertThat(pve.parse(pve.format(node, type, seq))).contains(new ResourceName(node, type, seq));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> nodes() {
        return net.jqwik.api.Arbitraries.of("node-02", "n1", "pve", "a-b-c", "x9");
    }

    @Test
    void nextSequenceIsOneAboveTheHighestOfThatNodeAndType() {
        List<String> existing = List.of("pve-node-02-vm-01", "pve-node-02-vm-07", "pve-node-02-ct-09", "pve-node-03-vm-12", "other");

        assertThat(pve.nextSequence("node-02", "vm", existing)).isEqualTo(8);
        assertThat(pve.nextSequence("node-02", "ct", existing)).isEqualTo(10);
        assertThat(pve.nextSequence("node-04", "vm", existing)).isEqualTo(1);
    }

    @Test
    void theStoreBackedAllocatorCountsPerNodeAndTypeAndRespectsExistingNames() {
        NameSequences names = NameSequences.create(InMemoryStateStore.create(), pve);

        assertThat(names.next("node-02", "vm")).isEqualTo("pve-node-02-vm-01");
        assertThat(names.next("node-02", "vm")).isEqualTo("pve-node-02-vm-02");
        assertThat(names.next("node-02", "ct")).isEqualTo("pve-node-02-ct-01");
        assertThat(names.next("node-02", "vm", List.of("pve-node-02-vm-40"))).isEqualTo("pve-node-02-vm-41");
    }

    @Test
    void badPatternsAreRefusedWithEveryProblem() {
        assertThatThrownBy(() -> NamingConvention.of("PVE_{host}-{node}")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).hasSize(3));
    }

    @Test
    void namesBreakingRfc1123AreRefused() {
        assertThatThrownBy(() -> pve.format("Node_2", "vm", 1)).isInstanceOf(ValidationException.class);
        NamingConvention longOne = NamingConvention.of("{node}-{type}-{seq}");
        assertThatThrownBy(() -> longOne.format("a".repeat(60), "vm", 1)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("longer than 63");
    }

    @Test
    void hostnameRulesOfRfc1123() {
        assertThat(HostNames.isValid("pve-node-02.lab.example")).isTrue();
        assertThat(HostNames.isValid("9lives")).isTrue();
        assertThat(HostNames.isValid("-bad")).isFalse();
        assertThat(HostNames.isValid("bad-")).isFalse();
        assertThat(HostNames.isValid("under_score")).isFalse();
        assertThat(HostNames.isValid("a..b")).isFalse();
        assertThat(HostNames.isValid("host.123")).isFalse();
        assertThat(HostNames.isValid("x".repeat(64))).isFalse();
        assertThat(HostNames.isValid("é")).isFalse();
    }
}
