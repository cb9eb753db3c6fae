package dev.ops.bench.pve;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.testkit.pve.PveApiToken;
import dev.ops.testkit.pve.PveFakeServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The benchmark's fake cluster as a process of its own. Prints one line, {@code host port
 * fingerprint certificate-base64 userid token-name secret}, then answers commands on stdin, one a
 * line: {@code taskDuration MILLIS} (answers {@code ok}), {@code violations} (answers the count).
 * Stops when stdin closes.
 */
public final class FakePveProcess {
    private FakePveProcess() {}

    /** Runs the server until stdin closes. */
    public static void main(String[] args) throws Exception {
        try (PveFakeServer server = BenchCluster.builder().strict(false).start()) {
            PveApiToken t = server.token();
            System.out.println(String.join(" ", server.host(), Integer.toString(server.port()), server.fingerprint(),
                    Base64.getEncoder().encodeToString(server.certificate().getEncoded()), t.userid(), t.name(), t.secret()));
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cmd = line.trim().split("\\s+");
                switch (cmd[0]) {
                    case "taskDuration" -> {
                        server.taskDuration(Duration.ofMillis(AsciiNumbers.parseLong(cmd[1])));
                        System.out.println("ok");
                    }
                    case "violations" -> System.out.println(server.violations().size());
                    default -> System.out.println("unknown command " + cmd[0]);
                }
                System.out.flush();
            }
        }
    }
}
