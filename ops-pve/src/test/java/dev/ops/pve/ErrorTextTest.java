package dev.ops.pve;

import dev.ops.proxmox.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.proxmox.error.ProxmoxAlreadyExistsException;
import dev.ops.proxmox.error.ProxmoxLockedException;
import dev.ops.proxmox.error.ProxmoxNotFoundException;
import dev.ops.proxmox.error.ProxmoxServerException;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveAnswer;
import dev.ops.testkit.pve.PveFakeServer;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Errors are classified by their real text wherever the server puts it: the body's {@code message}
 * (PVE 8.3 and newer, also behind a reverse proxy whose reason phrase is generic) or the reason phrase
 * alone (PVE 6). Permanent server errors are sent once; transient ones are retried.
 */
@Timeout(20)
class ErrorTextTest {
    private final PveFakeServer pve = Fakes.cluster().strict(false).vm(101, "pve1").start();
    private final PveClient client = Fakes.client(pve);   // retries up to 3 times
    private final PveClient once = Fakes.clientBuilder(pve).retryPolicy(RetryPolicy.none()).build();

    @AfterEach
    void stop() {
        pve.close();
    }

    static List<BiFunction<Integer, String, PveAnswer>> forms() {
        return List.of(PveAnswer::error, PveAnswer::errorBehindProxy, PveAnswer::errorInReasonPhraseOnly);
    }

    private RuntimeException configUpdateFailing(PveAnswer answer) {
        pve.answerNext("PUT", "/nodes/pve1/qemu/101/config", answer);
        try {
            once.api().put("/nodes/{node}/qemu/{vmid}/config", Map.of("node", "pve1", "vmid", 101, "cores", 2));
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("the call did not fail");
    }

    @ParameterizedTest
    @MethodSource("forms")
    void theTextDecidesTheTypeInEveryForm(BiFunction<Integer, String, PveAnswer> form) {
        assertThat(configUpdateFailing(form.apply(500, "VM is locked (backup)"))).isInstanceOf(ProxmoxLockedException.class)
                .hasMessageContaining("VM is locked (backup)");
        assertThat(configUpdateFailing(form.apply(500, "unable to create VM 101 - VM 101 already exists on node 'pve1'")))
                .isInstanceOf(ProxmoxAlreadyExistsException.class).hasMessageContaining("already exists");
        assertThat(configUpdateFailing(form.apply(500, "Configuration file 'nodes/pve1/qemu-server/101.conf' does not exist")))
                .isInstanceOf(ProxmoxNotFoundException.class).hasMessageContaining("does not exist");
    }

    @ParameterizedTest
    @MethodSource("forms")
    void aPermanentServerErrorOnAReadIsSentOnceAndSaysWhichRuleDecided(BiFunction<Integer, String, PveAnswer> form) {
        pve.answerNext("GET", "/nodes/pve1/qemu/101/agent/info", form.apply(500, "QEMU guest agent is not running"));

        assertThatThrownBy(() -> client.api().get("/nodes/{node}/qemu/{vmid}/agent/info", Map.of("node", "pve1", "vmid", 101)))
                .isInstanceOfSatisfying(ProxmoxServerException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.rule()).startsWith("permanent").contains("guest agent is not running");
                })
                .hasMessageContaining("QEMU guest agent is not running");
        assertThat(Fakes.calls(pve, "GET", "/agent/info")).hasSize(1);
    }

    @Test
    void aProxysServiceUnavailableOnAReadIsRetried() {
        pve.answerNext("GET", "/nodes/pve1/qemu/101/status/current", PveAnswer.errorBehindProxy(503, "pveproxy is restarting"));

        assertThat(client.node("pve1").qemu().vm(101).status().vmid()).isEqualTo(101);
        assertThat(Fakes.calls(pve, "GET", "/status/current")).hasSize(2);
    }

    @Test
    void anAnswerOfTheWrongShapeIsATypedErrorNamingWhereInTheAnswer() {
        pve.answerNext("GET", "/nodes/pve1/tasks", PveAnswer.data(Map.of("upid", "not a list")));

        assertThatThrownBy(() -> once.node("pve1").tasks()).isInstanceOf(ProxmoxServerException.class)
                .hasMessageContaining("data").hasMessageContaining("a list").hasMessageContaining("/nodes/pve1/tasks");
    }

    @Test
    void anAnswerLargerThanTheClientsLimitIsATypedErrorNamingTheLimit() {
        PveClient small = Fakes.clientBuilder(pve).maxAnswerBytes(2048).retryPolicy(RetryPolicy.none()).build();
        java.util.List<Map<String, Object>> many = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            many.add(Map.of("upid", "UPID:pve1:0000" + i, "type", "qmstart", "status", "OK"));
        }
        pve.answerNext("GET", "/nodes/pve1/tasks", PveAnswer.data(many));

        assertThatThrownBy(() -> small.node("pve1").tasks()).isInstanceOf(ProxmoxServerException.class)
                .hasMessageContaining("2048").hasMessageContaining("maxAnswerBytes");
        assertThatThrownBy(() -> Fakes.clientBuilder(pve).maxAnswerBytes(10)).isInstanceOf(dev.ops.core.error.ValidationException.class)
                .hasMessageContaining("maxAnswerBytes");
    }
}
