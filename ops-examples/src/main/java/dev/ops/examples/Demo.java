package dev.ops.examples;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Plan;
import dev.ops.core.facts.BasicFacts;
import dev.ops.core.file.ManagedFile;
import dev.ops.core.host.Host;
import dev.ops.core.host.LocalHost;
import java.io.PrintStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The README demo: gathers facts about this machine, prints the dry-run plan of a change to
 * {@code /etc/motd}, and proves that planning changed nothing. Needs no Proxmox and no remote host.
 */
public final class Demo {
    private Demo() {}

    public static void main(String[] args) throws Exception {
        run(LocalHost.create(), System.out);
    }

    /** Runs the demo against {@code host}, printing to {@code out}; returns whether the target stayed unchanged. */
    public static boolean run(Host host, PrintStream out) throws Exception {
        BasicFacts facts = BasicFacts.of(host);
        out.printf("Host %s: %s, kernel %s (%s)%n", facts.hostname(), facts.os(), facts.kernel(), facts.architecture());
        out.printf("Load %.2f %.2f %.2f, memory %d MiB available of %d MiB, up %s%n%n", facts.load1(), facts.load5(),
                facts.load15(), facts.memAvailableBytes() >> 20, facts.memTotalBytes() >> 20,
                facts.uptime().toHours() + "h " + facts.uptime().toMinutesPart() + "m");

        Ops ops = Ops.inMemory();
        String motd = "/etc/motd";
        String before = fingerprint(host, motd);
        Change<String> change = ManagedFile.on(host, ops).path(motd).content("Managed by ops. Facts: " + facts.hostname() + ", "
                + facts.kernel() + "\n").mode("0644").asRoot().present();

        Plan plan = change.plan();
        out.println(plan.render());

        String after = fingerprint(host, motd);
        boolean unchanged = before.equals(after) && ops.journal().list().isEmpty();
        out.printf("Dry-run changed nothing: %s (%s sha256 %s before and after, %d journal entries)%n", unchanged ? "yes" : "NO",
                motd, after, ops.journal().list().size());
        return unchanged;
    }

    private static String fingerprint(Host host, String path) throws Exception {
        var content = host.readFile(path, false);
        if (content.isEmpty()) {
            return "(absent)";
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.get())).substring(0, 16);
    }
}
