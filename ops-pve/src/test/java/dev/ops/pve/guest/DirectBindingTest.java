package dev.ops.pve.guest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.pve.testing.Answers;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A model bound straight from an answer (as {@code api().get(path, params, GuestStatus.class)} does) keeps every field it was sent. */
class DirectBindingTest {

    @Test
    void aContainerStatusBoundDirectlyKeepsItsVmidAndType() throws IOException {
        GuestStatus s = Answers.one(GuestStatus.class, """
                {"data":[{"vmid":201,"type":"lxc","status":"running","name":"ct-01","lock":""}]}""");

        assertThat(s.vmid()).isEqualTo(201);
        assertThat(s.type()).contains(GuestType.LXC);
        assertThat(s.lock()).isEmpty();
    }

    @Test
    void aContainerSummaryBoundDirectlyKeepsItsType() throws IOException {
        GuestSummary s = Answers.one(GuestSummary.class, """
                {"data":[{"vmid":"201","type":"lxc","status":"stopped","name":"ct-01"}]}""");

        assertThat(s.type()).isEqualTo(GuestType.LXC);
        assertThat(s.vmid()).isEqualTo(201);
    }
}
