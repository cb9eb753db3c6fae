package dev.ops.pve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Proxmox's name rules are core's one label check, with Proxmox's own allowances on top. */
class PveIdsTest {

    @Test
    void guestNamesAreDotSeparatedLabelsAndMayBeAllDigits() {
        assertThat(PveIds.isDnsName("web-01")).isTrue();
        assertThat(PveIds.isDnsName("web-01.lab.example")).isTrue();
        assertThat(PveIds.isDnsName("101")).as("Proxmox accepts a numeric guest name").isTrue();

        assertThat(PveIds.isDnsName("-web")).isFalse();
        assertThat(PveIds.isDnsName("web_01")).isFalse();
        assertThat(PveIds.isDnsName("web.")).isFalse();
        assertThat(PveIds.isDnsName("a..b")).isFalse();
        assertThat(PveIds.isDnsName("x".repeat(64))).as("a label over 63 characters").isFalse();
        assertThat(PveIds.isDnsName(("a".repeat(63) + ".").repeat(4) + "a")).as("over 253 characters").isFalse();
        assertThat(PveIds.isDnsName("")).isFalse();
        assertThat(PveIds.isDnsName(null)).isFalse();
    }

    @Test
    void nodeNamesAreOneLabel() {
        assertThat(PveIds.isNodeName("pve-01")).isTrue();
        assertThat(PveIds.isNodeName("pve-01.lab")).isFalse();
        assertThat(PveIds.isNodeName("pve-")).isFalse();
        assertThat(PveIds.isNodeName(null)).isFalse();
    }
}
