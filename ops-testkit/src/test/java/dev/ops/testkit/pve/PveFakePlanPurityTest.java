package dev.ops.testkit.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Targets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A live fake is watched by ops-testkit's plan purity check: a plan that sends it a write fails; reads and logins do not. */
@Timeout(30)
class PveFakePlanPurityTest {
    private final PveFakeServer pve = PveFakeServer.builder().node("pve-01").token("root@pam", "ops", "secret")
            .user("root@pam", "root-password-1").taskDuration(Duration.ZERO).vm(101, "pve-01", vm -> vm.name("web")).start();
    private final PveHttp http = PveHttp.withToken(pve);

    @AfterEach
    void stop() {
        pve.close();
    }

    /** A change whose planning runs {@code planning} against the fake. */
    static final class Planning extends AbstractChange<String, Void> {
        private final Runnable planning;

        Planning(Ops ops, Runnable planning) {
            super(ops);
            this.planning = planning;
        }

        @Override
        public String description() {
            return "a change that talks to the fake while planning";
        }

        @Override
        protected Planned<Void> planSteps() {
            planning.run();
            return Planned.of(List.of());
        }

        @Override
        protected Targets targets() {
            return Targets.none();
        }

        @Override
        protected String result(Void none) {
            return "";
        }
    }

    @Test
    void aPlanThatSendsTheFakeAWriteFailsNamingTheWrite() {
        var change = new Planning(Ops.inMemory(), () -> http.put("/nodes/pve-01/qemu/101/config", "cores", "4"));
        assertThatThrownBy(change::plan).isInstanceOf(AssertionError.class)
                .hasMessageContaining("a change that talks to the fake while planning")
                .hasMessageContaining("PUT /nodes/pve-01/qemu/101/config");
    }

    @Test
    void aPlanThatReadsOrLogsInPasses() {
        new Planning(Ops.inMemory(), () -> {
            assertThat(http.get("/nodes/pve-01/qemu/101/config").status()).isEqualTo(200);
            assertThat(PveHttp.anonymous(pve).post("/access/ticket", "username", "root@pam", "password", "root-password-1").status())
                    .isEqualTo(200);
        }).plan();
    }

    @Test
    void writesBetweenPlansAreNoConcernOfTheNextPlan() {
        assertThat(http.put("/nodes/pve-01/qemu/101/config", "cores", "4").status()).isEqualTo(200);
        new Planning(Ops.inMemory(), () -> http.get("/nodes/pve-01/qemu/101/config")).plan();
    }
}
