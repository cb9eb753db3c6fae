package dev.ops.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.PlanListener;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Targets;
import dev.ops.core.file.ManagedFile;
import dev.ops.core.host.LocalHost;
import dev.ops.testkit.purity.PlanPurity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan purity check of ops-testkit is on for every test that has ops-testkit on its class path. */
class PlanPurityTest {

    /** A change whose planning writes to the store, as a VMID reservation at plan time once did. */
    static final class ReservesWhilePlanning extends AbstractChange<String, Void> {
        ReservesWhilePlanning(Ops ops) {
            super(ops);
        }

        @Override
        public String description() {
            return "a change that reserves while planning";
        }

        @Override
        protected Planned<Void> planSteps() {
            ops.store().put("vmid/reserved/100", "taken".getBytes(StandardCharsets.UTF_8));
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
    void theCheckIsInstalledForEveryTestWithTheTestKit() {
        assertThat(PlanListener.installed()).anyMatch(PlanPurity.class::isInstance);
    }

    @Test
    void aPlanThatWritesToTheStoreFailsNamingTheChangeAndTheKey() {
        assertThatThrownBy(() -> new ReservesWhilePlanning(Ops.inMemory()).plan()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("a change that reserves while planning").hasMessageContaining("wrote new key vmid/reserved/100");
    }

    @Test
    void aPurePlanPassesAndItsChangeTypeIsListedAsCovered(@TempDir Path dir) {
        ManagedFile.on(LocalHost.create(), Ops.inMemory()).path(dir.resolve("motd").toString()).content("hi\n").present().plan();

        assertThat(PlanPurity.coveredChangeTypes()).contains("dev.ops.core.file.internal.FileChange");
    }
}
