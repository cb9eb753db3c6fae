package dev.ops.pve.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.pve.testing.Answers;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Tasks of /nodes/{node}/tasks are typed, lenient about Proxmox's spellings, and keep fields ops does not know. */
class TaskSummaryTest {
    private static final String UPID = "UPID:pve1:000A1B2C:0123ABCD:65F0A000:qmclone:101:root@pam!ops:";

    @Test
    void readsAFinishedTask() throws IOException {
        TaskSummary t = Answers.one(TaskSummary.class, """
                {"data":[{"upid":"%s","node":"pve1","pid":662316,"pstart":19114957,"starttime":1710268416,"endtime":1710268420,
                "type":"qmclone","id":"101","user":"root@pam!ops","status":"OK","saved":"1"}]}""".formatted(UPID));
        assertThat(t.upid().type()).isEqualTo("qmclone");
        assertThat(t.status()).contains("OK");
        assertThat(t.running()).isFalse();
        assertThat(t.node()).contains("pve1");
        assertThat(t.type()).contains("qmclone");
        assertThat(t.id()).contains("101");
        assertThat(t.user()).contains("root@pam!ops");
        assertThat(t.pid()).hasValue(662316);
        assertThat(t.pstart()).hasValue(19114957);
        assertThat(t.startTime()).contains(Instant.ofEpochSecond(1710268416));
        assertThat(t.endTime()).contains(Instant.ofEpochSecond(1710268420));
        assertThat(t.unknownFields()).containsOnlyKeys("saved");
        assertThat(t.field("upid")).contains(UPID);
    }

    @Test
    void aTaskWithoutStatusRunsAndNumbersMayComeAsStrings() throws IOException {
        TaskSummary t = Answers.one(TaskSummary.class, """
                {"data":[{"upid":"%s","pid":"662316","starttime":"1710268416"}]}""".formatted(UPID));
        assertThat(t.running()).isTrue();
        assertThat(t.status()).isEmpty();
        assertThat(t.endTime()).isEmpty();
        assertThat(t.pid()).hasValue(662316);
        assertThat(t.startTime()).contains(Instant.ofEpochSecond(1710268416));
    }

    @Test
    void aMalformedUpidFailsOnlyWhenAskedFor() throws IOException {
        TaskSummary t = Answers.one(TaskSummary.class, "{\"data\":[{\"upid\":\"not-a-upid\",\"status\":\"OK\"}]}");
        assertThat(t.status()).contains("OK");
        assertThat(t.field("upid")).contains("not-a-upid");
        assertThatThrownBy(t::upid).isInstanceOf(ValidationException.class).hasMessageContaining("not-a-upid");
    }
}
