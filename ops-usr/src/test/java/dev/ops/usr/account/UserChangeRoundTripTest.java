package dev.ops.usr.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.host.Command;
import dev.ops.testkit.sandbox.SandboxHost;
import dev.ops.usr.testing.Sandboxes;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * For generated user requests against a real account database: applying converges (a second plan
 * is empty) and rolling back returns passwd, group and shadow to exactly where they were. (Samples
 * from jqwik; a plain test so that a machine without root skips rather than fails.)
 */
@Timeout(120)
class UserChangeRoundTripTest {

    record Request(String name, Long uid, String shell, String gecos, List<String> groups, Boolean locked, boolean delete) {}

    static Arbitrary<Request> requests() {
        return Combinators.combine(Arbitraries.of("alice", "carol"), Arbitraries.of(1050L, 1300L).injectNull(0.5),
                        Arbitraries.of("/bin/sh", "/bin/bash").injectNull(0.5), Arbitraries.of("Alice A", "", "Ops, Room 1").injectNull(0.5),
                        Arbitraries.subsetOf("dev", "ops", "adm").map(s -> s.stream().sorted().toList()).injectNull(0.4),
                        Arbitraries.of(true, false).injectNull(0.5), Arbitraries.of(true, false).map(b -> b && Math.random() < 0.25))
                .as(Request::new);
    }

    @Test
    void applyConvergesAndRollbackRestoresTheAccountDatabase() {
        try (SandboxHost sandbox = Sandboxes.start("useradd", "gpasswd", "chpasswd")) {
            sandbox.check(Command.shell("groupadd dev && groupadd ops && useradd -m -s /bin/sh -G dev alice && echo alice:pw | chpasswd"));
            Users users = Users.on(sandbox, Ops.inMemory());
            String exact = "cat /etc/passwd /etc/group /etc/shadow /etc/gshadow; ls -a /home";
            // a deleted user comes back at the end of the files, without its password hash and with today's change date
            String restored = "sort /etc/passwd; sort /etc/group; cut -d: -f1 /etc/shadow | sort; ls -a /home";
            for (Request r : requests().sampleStream().limit(30).toList()) {
                boolean exists = sandbox.run("getent", "passwd", r.name()).ok();
                if (Boolean.FALSE.equals(r.locked()) && !exists || r.delete() && !exists) {
                    continue;
                }
                String snapshot = r.delete() ? restored : exact;
                String before = sandbox.output("sh", "-c", snapshot);
                Change<?> change = r.delete() ? users.user(r.name()).absent() : spec(users, r).present();

                Applied<?> done = change.apply();
                Change<?> again = r.delete() ? users.user(r.name()).absent() : spec(users, r).present();
                assertThat(again.plan().steps()).as("second plan of %s", r).isEmpty();
                done.rollback();

                assertThat(sandbox.output("sh", "-c", snapshot)).as("after rollback of %s", r).isEqualTo(before);
                if (r.delete()) {
                    sandbox.check(Command.shell("echo " + r.name() + ":pw | chpasswd"));
                }
            }
        }
    }

    private static Users.UserBuilder spec(Users users, Request r) {
        Users.UserBuilder b = users.user(r.name());
        if (r.uid() != null) {
            b.uid(r.uid());
        }
        if (r.shell() != null) {
            b.shell(r.shell());
        }
        if (r.gecos() != null) {
            b.gecos(r.gecos());
        }
        if (r.groups() != null) {
            b.groups(r.groups().toArray(String[]::new));
        }
        if (r.locked() != null) {
            b.locked(r.locked());
        }
        return b;
    }
}
