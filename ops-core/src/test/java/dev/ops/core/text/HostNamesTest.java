package dev.ops.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HostNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"pve-node-02.lab.example", "9lives", "a", "x1.y2", "UPPER.case"})
    void acceptsRfc1123Names(String name) {
        assertThat(HostNames.isValid(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-bad", "bad-", "under_score", "a..b", "dot.", ".lead", "host.123", "with space", "é", "nul\0l"})
    void refusesWhatIsNotAHostName(String name) {
        assertThat(HostNames.isValid(name)).isFalse();
    }

    @Test
    void limitsLabelsTo63AndNamesTo253Characters() {
        assertThat(HostNames.isValidLabel("x".repeat(63))).isTrue();
        assertThat(HostNames.isValidLabel("x".repeat(64))).isFalse();
        String longest = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));
        assertThat(longest).hasSize(253);
        assertThat(HostNames.isValid(longest)).isTrue();
        assertThat(HostNames.isValid(longest + "d")).isFalse();
    }

    @Test
    void aLookupMayEndInOneDot() {
        assertThat(HostNames.isValidLookup("pve-01.lab.example.")).isTrue();
        assertThat(HostNames.isValidLookup("pve-01..")).isFalse();
        assertThat(HostNames.isValid("pve-01.lab.example.")).isFalse();
    }

    @Test
    void checkListsEveryProblemUnderTheField() {
        Violations v = Violations.of("test");
        HostNames.check(v, "hostname", "-a.b_c.1");

        assertThat(v.list()).extracting(x -> x.field()).containsOnly("hostname");
        assertThat(v.list()).extracting(x -> x.message()).anySatisfy(m -> assertThat(m).contains("'-a'").contains("hyphen"))
                .anySatisfy(m -> assertThat(m).contains("'b_c'").contains("letters, digits and hyphens"))
                .anySatisfy(m -> assertThat(m).contains("all-numeric"));
    }

    @Test
    void requireThrowsAValidationException() {
        assertThat(HostNames.require("web-1")).isEqualTo("web-1");
        assertThatThrownBy(() -> HostNames.require("web_1")).isInstanceOf(ValidationException.class).hasMessageContaining("web_1");
    }
}
