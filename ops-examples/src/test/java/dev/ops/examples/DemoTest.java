package dev.ops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.host.LocalHost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DemoTest {

    @Test
    void printsFactsAndAPlanAndChangesNothing() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        boolean unchanged = Demo.run(LocalHost.create(), new PrintStream(buffer, true, StandardCharsets.UTF_8));

        String out = buffer.toString(StandardCharsets.UTF_8);
        assertThat(unchanged).isTrue();
        assertThat(out).contains("Host " + LocalHost.create().output("uname", "-n").strip())
                .contains("Plan: file /etc/motd present on local")
                .contains("Dry-run changed nothing: yes");
    }
}
