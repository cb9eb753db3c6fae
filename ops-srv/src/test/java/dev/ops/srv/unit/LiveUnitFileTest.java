package dev.ops.srv.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.testkit.host.ScriptedHost;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Installing a unit on a running system, specified against a recording host: verify, write, then daemon-reload. */
@Timeout(30)
class LiveUnitFileTest {
    private final Ops ops = Ops.inMemory();
    private final ScriptedHost host = ScriptedHost.named("web-1");
    private final AtomicReference<byte[]> file = new AtomicReference<>();
    private final AtomicReference<String> verifyOutput = new AtomicReference<>("exit=0\n");

    LiveUnitFileTest() {
        host.when(c -> c.render().contains("uid=$(id -u)"), "privilege probe").reply("uid=0\n")
                .when(c -> c.render().contains("systemd-analyze verify"), "verify").answer(c -> result(c, 0, verifyOutput.get()))
                .when(c -> c.render().contains("exec cat --"), "read").answer(c -> file.get() == null ? result(c, 3, "")
                        : CommandResult.of("web-1", c, 0, file.get(), new byte[0], Duration.ZERO, false))
                .when(c -> c.render().contains("mktemp"), "write").answer(c -> {
                    file.set(c.stdin());
                    return result(c, 0, "");
                })
                .when(c -> c.argv().get(0).equals("rm"), "remove").answer(c -> {
                    file.set(null);
                    return result(c, 0, "");
                })
                .on("mkdir").reply("")
                .on("systemctl", "daemon-reload").reply("");
    }

    private static CommandResult result(Command c, int exit, String out) {
        return CommandResult.of("web-1", c, exit, out.getBytes(StandardCharsets.UTF_8), new byte[0], Duration.ZERO, false);
    }

    private static ServiceUnit web() {
        return ServiceUnit.builder().description("web").addExecStart("/usr/local/bin/web").addWantedBy("multi-user.target").build();
    }

    private List<String> mutations() {
        return host.commands().stream().map(c -> c.argv().get(0).equals("sh") ? (c.render().contains("verify") ? "verify"
                : c.render().contains("mktemp") ? "write" : "read-or-probe") : String.join(" ", c.argv()))
                .filter(s -> !s.equals("read-or-probe")).toList();
    }

    @Test
    void presentVerifiesWritesAsRootAndReloadsAndRollbackRemovesAndReloadsAgain() {
        Applied<String> done = Service.on(host, ops).unit("web.service").definition(web()).present().apply();

        assertThat(done.value()).isEqualTo("/etc/systemd/system/web.service");
        assertThat(new String(file.get(), StandardCharsets.UTF_8)).isEqualTo(web().render());
        assertThat(host.commands()).filteredOn(c -> c.render().contains(".ops-XXXXXX")).singleElement().satisfies(c -> assertThat(c.sudo()).isTrue());
        done.rollback();

        assertThat(file.get()).isNull();
        assertThat(mutations()).containsExactly("verify", "mkdir -p -- /etc/systemd/system", "write", "systemctl daemon-reload",
                "rm -f -- /etc/systemd/system/web.service", "systemctl daemon-reload");
    }

    @Test
    void anIgnoringLineFromVerifyRefusesTheInstallAndWritesNothing() {
        verifyOutput.set("web.service:7: Unknown key 'Bogus' in section [Service], ignoring.\nexit=0\n");

        assertThatThrownBy(() -> Service.on(host, ops).unit("web.service").definition(web()).present().apply())
                .isInstanceOfSatisfying(UnitVerificationException.class,
                        e -> assertThat(e.violationsOf("unit")).singleElement().asString().contains("Unknown key 'Bogus'"));
        assertThat(file.get()).isNull();
        assertThat(mutations()).containsExactly("verify");
    }
}
