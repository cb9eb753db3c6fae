package dev.ops.usr.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.host.Command;
import dev.ops.testkit.sandbox.SandboxHost;
import dev.ops.usr.file.internal.AclModel;
import dev.ops.usr.file.internal.Desired;
import dev.ops.usr.testing.Sandboxes;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ACL model against the real tools: for generated starting states and requests, running
 * chown, chmod, {@code setfacl -b}, {@code -x} and {@code -m} in the model's order leaves exactly
 * the state the model computes. (The samples come from jqwik; a plain test so that a machine
 * without root skips rather than fails.)
 */
@Timeout(120)
class AclModelRealToolsTest {

    record Case(boolean directory, int startMode, List<String> startAcl, Long uid, Integer mode, boolean clear, List<String> remove, List<String> set) {}

    static Arbitrary<Case> cases() {
        Arbitrary<String> perms = Arbitraries.of("---", "r--", "rw-", "r-x", "rwx", "-w-");
        Arbitrary<String> named = Combinators.combine(Arbitraries.of("u:1051", "g:2000", "u:1050", "d:u:1051", "d:g:2000", "d:g:", "d:o:"), perms)
                .as((slot, p) -> slot + ":" + p);
        Arbitrary<String> base = Combinators.combine(Arbitraries.of("u:", "g:", "o:", "m:"), perms).as((slot, p) -> slot + ":" + p);
        Arbitrary<List<String>> set = Arbitraries.oneOf(named, base).list().ofMaxSize(3).uniqueElements(s -> s.substring(0, s.lastIndexOf(':')));
        Arbitrary<List<String>> start = named.filter(s -> !s.startsWith("d:g::") && !s.startsWith("d:o::")).list().ofMaxSize(2)
                .uniqueElements(s -> s.substring(0, s.lastIndexOf(':')));
        Arbitrary<List<String>> remove = Arbitraries.of("u:1051", "g:2000", "d:u:1051").list().ofMaxSize(2).uniqueElements();
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(0, 0777), start,
                        Arbitraries.of(1050L, 0L).injectNull(0.5), Arbitraries.integers().between(0, 07777).injectNull(0.4),
                        Arbitraries.of(true, false).map(b -> b && Math.random() < 0.3), remove, set)
                .as(Case::new);
    }

    @Test
    void theRealToolsEndWhereTheModelSays() {
        try (SandboxHost sandbox = Sandboxes.start("setfacl", "getfacl")) {
            List<Case> samples = cases().sampleStream().limit(60).toList();
            for (int i = 0; i < samples.size(); i++) {
                check(sandbox, "/srv/p" + i, samples.get(i));
            }
        }
    }

    private static void check(SandboxHost sandbox, String path, Case c) {
        String create = c.directory() ? "mkdir " + path : "touch " + path;
        sandbox.check(Command.shell(create + " && chmod 0" + Integer.toOctalString(c.startMode()) + " " + path));
        List<String> startAcl = c.startAcl().stream().filter(e -> c.directory() || !e.startsWith("d:")).toList();
        if (!startAcl.isEmpty()) {
            sandbox.check(Command.of("setfacl", "-m", String.join(",", startAcl), path));
        }
        FileAccess before = FileAccess.parseAll(sandbox.output("getfacl", "-n", "-p", path)).get(0);

        List<String> remove = c.remove().stream().filter(e -> c.directory() || !e.startsWith("d:")).toList();
        List<String> set = c.set().stream().filter(e -> c.directory() || !e.startsWith("d:")).toList();
        List<String> script = new ArrayList<>();
        if (c.uid() != null) {
            script.add("chown " + c.uid() + " " + path);
        }
        if (c.mode() != null) {
            script.add("chmod 0" + String.format("%04o", c.mode()) + " " + path);
        }
        if (c.clear()) {
            script.add("setfacl -b " + path);
        }
        if (!remove.isEmpty()) {
            script.add("setfacl -x " + String.join(",", remove) + " " + path);
        }
        if (!set.isEmpty()) {
            script.add("setfacl -m " + String.join(",", set) + " " + path);
        }
        if (!script.isEmpty()) {
            sandbox.check(Command.shell(String.join(" && ", script)));
        }
        FileAccess real = FileAccess.parseAll(sandbox.output("getfacl", "-n", "-p", path)).get(0);

        Desired d = new Desired(c.uid(), null, c.mode(), null, c.clear(),
                c.remove().stream().map(r -> AclEntry.parse(r + ":---")).toList(), c.set().stream().map(AclEntry::parse).toList());
        FileAccess model = AclModel.apply(before, d, c.directory());

        // chown of a regular file clears its setuid and setgid bits; the restore action keeps exactly the modelled flags
        if (c.uid() != null && c.mode() == null && !c.directory()) {
            model = new FileAccess(model.path(), model.uid(), model.gid(), real.flags(), model.entries());
        }
        assertThat(model).as("case %s from %s", c, before.render()).isEqualTo(real);
    }
}
