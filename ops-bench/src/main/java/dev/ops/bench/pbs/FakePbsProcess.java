package dev.ops.bench.pbs;

import dev.ops.testkit.pbs.PbsFakeServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The benchmark's fake PBS as a process of its own, as proxmox-backup-proxy is, seeded with the
 * benchmark's datastores ({@link PbsBenchmark#seed}). Prints one line, {@code base-url fingerprint
 * certificate-pem-base64 token-secret}, then answers commands on stdin, one a line:
 * {@code violations} (answers the count and the first, if any). Stops when stdin closes.
 */
public final class FakePbsProcess {
    private FakePbsProcess() {}

    /** Runs the server until stdin closes. */
    public static void main(String[] args) throws Exception {
        try (PbsFakeServer server = PbsFakeServer.start()) {
            PbsBenchmark.seed(server);
            System.out.println(String.join(" ", server.baseUrl(), server.fingerprint(),
                    Base64.getEncoder().encodeToString(server.certificatePem().getBytes(StandardCharsets.UTF_8)), server.tokenSecret()));
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.trim().equals("violations")) {
                    System.out.println(server.violations().size() + (server.violations().isEmpty() ? "" : " " + server.violations().get(0)));
                } else {
                    System.out.println("unknown command " + line.trim());
                }
                System.out.flush();
            }
        }
    }
}
