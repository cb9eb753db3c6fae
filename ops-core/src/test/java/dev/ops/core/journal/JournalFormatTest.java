package dev.ops.core.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Targets;
import dev.ops.core.host.Command;
import dev.ops.core.host.LocalHost;
import dev.ops.core.json.internal.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalFormatTest {

    @Test
    void actionsAreStoredUnderLogicalNamesNotJavaClassNames() {
        String json = new String(Json.write(CommandAction.of("local", Command.of("true"))), StandardCharsets.UTF_8);

        assertThat(json).contains("\"@type\":\"core.command\"").doesNotContain("dev.ops");
    }

    @Test
    void aJournalWrittenBeforeAnActionMovedStillRollsBack(@TempDir Path dir) throws Exception {
        Path marker = Files.createFile(dir.resolve("marker"));
        Path file = Files.writeString(dir.resolve("file"), "new\n");
        // Checked in as written by an earlier ops: logical names, and one Java class name from before they existed.
        String fixture = new String(getClass().getResourceAsStream("/journal/before-the-move.json").readAllBytes(), StandardCharsets.UTF_8)
                .replace("@FILE@", marker.toString()).replace("@FILE2@", file.toString());
        Ops ops = Ops.inMemory();
        ops.store().put("journal/20261201T120000-0000beef", fixture.getBytes(StandardCharsets.UTF_8));

        ops.rollback("20261201T120000-0000beef", Targets.of(LocalHost.create())).run();

        assertThat(marker).doesNotExist();
        assertThat(Files.readString(file)).isEqualTo("old\n");
        assertThat(ops.journal().find("20261201T120000-0000beef").orElseThrow().status()).isEqualTo(ApplyStatus.ROLLED_BACK);
    }
}
