package dev.ops.testkit.pve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake reads numbers as PVE (Perl's \d under ASCII rules) does: digits of other scripts are no numbers. */
@Timeout(30)
class PveFakeAsciiDigitsTest {
    /** 1 and 101 in Arabic-Indic digits. */
    private static final String ARABIC_1 = "\u0661";
    private static final String ARABIC_101 = "\u0661\u0660\u0661";

    private PveFakeServer pve;
    private PveHttp http;

    @BeforeEach
    void start() {
        pve = PveFakeServer.builder().node("pve-01").vm(100, "pve-01", vm -> vm.name("web"))
                .token("root@pam", "ops", "secret").taskDuration(java.time.Duration.ZERO).strict(false).start();
        http = PveHttp.withToken(pve);
    }

    @AfterEach
    void stop() {
        pve.close();
    }

    @Test
    void anIndexedPropertyNumberedInOtherDigitsIsNotDefined() {
        var a = http.put("/nodes/pve-01/qemu/100/config", "net" + ARABIC_1, "virtio,bridge=vmbr0");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errors().has("net" + ARABIC_1)).isTrue();
        assertThat(http.get("/nodes/pve-01/qemu/100/config").data().has("net1")).isFalse();
    }

    @Test
    void aVmidInOtherDigitsIsATypeError() {
        var a = http.post("/nodes/pve-01/qemu/100/clone", "newid", ARABIC_101);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errors().path("newid").asText()).contains("type check ('integer') failed");
    }

    @Test
    void aVmidInThePathInOtherDigitsIsRefused() {
        assertThat(http.get("/nodes/pve-01/qemu/" + ARABIC_101 + "/config").status()).isEqualTo(400);
    }
}
