package dev.ops.usr.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.host.Command;
import dev.ops.core.host.LocalHost;
import dev.ops.testkit.sandbox.SandboxHost;
import dev.ops.usr.testing.Sandboxes;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Users and groups changed with the real shadow-utils inside a sandbox. */
@Timeout(60)
class UsersSandboxTest {
    private SandboxHost sandbox;
    private Users users;
    private Groups groups;

    @BeforeEach
    void start() {
        sandbox = Sandboxes.start("useradd", "getent", "gpasswd");
        Ops ops = Ops.inMemory();
        users = Users.on(sandbox, ops);
        groups = Groups.on(sandbox, ops);
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private String getent(String db, String key) {
        return sandbox.run("getent", db, key).stdoutText().strip();
    }

    private static void machineHasNoUser(String name) {
        assertThat(LocalHost.create().run("getent", "passwd", name).exitCode()).isEqualTo(2);
    }

    @Test
    void createsAUserWithUidGroupsShellAndGecos() {
        sandbox.check(Command.of("groupadd", "ops-sudo"));

        Applied<User> done = users.user("alice").uid(1050).groups("ops-sudo").shell("/bin/bash").gecos("Alice A").present().apply();

        assertThat(getent("passwd", "alice")).isEqualTo("alice:x:1050:1050:Alice A:/home/alice:/bin/bash");
        assertThat(getent("group", "ops-sudo")).endsWith(":alice");
        assertThat(sandbox.run("test", "-d", "/home/alice").ok()).isTrue();
        assertThat(done.value().groups()).containsExactly("ops-sudo");
        assertThat(done.value().locked()).isTrue();
        machineHasNoUser("alice");
    }

    @Test
    void planShowsTheUseraddLineAndChangesNothing() {
        Plan plan = users.user("alice").uid(1050).present().plan();

        assertThat(plan.steps()).hasSize(1);
        assertThat(plan.steps().get(0).action().render()).isEqualTo("sudo -n useradd -u 1050 -d /home/alice -m alice");
        assertThat(plan.steps().get(0).undo().orElseThrow().render()).isEqualTo("sudo -n userdel -r alice");
        assertThat(sandbox.run("getent", "passwd", "alice").exitCode()).isEqualTo(2);
    }

    @Test
    void aUserAlreadyAsDesiredPlansNoSteps() {
        users.user("alice").uid(1050).shell("/bin/sh").present().apply();

        assertThat(users.user("alice").uid(1050).shell("/bin/sh").present().plan().steps()).isEmpty();
    }

    @Test
    void rollbackOfACreateRemovesTheUserAndItsHome() {
        Applied<User> done = users.user("alice").present().apply();

        done.rollback();

        assertThat(sandbox.run("getent", "passwd", "alice").exitCode()).isEqualTo(2);
        assertThat(sandbox.run("getent", "group", "alice").exitCode()).isEqualTo(2);
        assertThat(sandbox.run("test", "-e", "/home/alice").ok()).isFalse();
    }

    @Test
    void modifiesShellGecosAndMembershipAndRollsBackEachChange() {
        sandbox.check(Command.of("groupadd", "dev"));
        sandbox.check(Command.of("groupadd", "ops"));
        sandbox.check(Command.of("useradd", "-M", "-s", "/bin/sh", "-G", "dev", "alice"));
        String passwdBefore = getent("passwd", "alice");

        Applied<User> done = users.user("alice").shell("/bin/bash").gecos("Alice").groups("ops").present().apply();

        assertThat(done.plan().steps()).extracting(s -> s.action().render()).containsExactly(
                "sudo -n usermod -c Alice alice", "sudo -n usermod -s /bin/bash alice",
                "sudo -n gpasswd -a alice ops", "sudo -n gpasswd -d alice dev");
        assertThat(done.value().groups()).containsExactly("ops");
        assertThat(getent("passwd", "alice")).endsWith(":Alice:/home/alice:/bin/bash");

        done.rollback();

        assertThat(getent("passwd", "alice")).isEqualTo(passwdBefore);
        assertThat(getent("group", "dev")).endsWith(":alice");
        assertThat(getent("group", "ops")).endsWith(":");
    }

    @Test
    void locksAndUnlocksThroughShadow() {
        sandbox.check(Command.builder().addArgv("sh", "-c", "useradd -M alice && echo 'alice:secret' | chpasswd").build());

        Applied<User> locked = users.user("alice").locked(true).present().apply();

        assertThat(getent("shadow", "alice").split(":")[1]).startsWith("!$");
        locked.rollback();
        assertThat(getent("shadow", "alice").split(":")[1]).startsWith("$");
    }

    @Test
    void unlockingAnAccountWithoutPasswordIsRefusedAtPlanTime() {
        sandbox.check(Command.of("useradd", "-M", "alice"));

        assertThatThrownBy(() -> users.user("alice").locked(false).present().plan())
                .isInstanceOf(ValidationException.class).hasMessageContaining("has no password");
    }

    @Test
    void deletedUserComesBackWithUidGroupsShellHomeGecosAndLock() {
        sandbox.check(Command.of("groupadd", "dev"));
        sandbox.check(Command.of("useradd", "-u", "1234", "-G", "dev", "-s", "/bin/bash", "-c", "Bob B", "-d", "/srv/bob", "-M", "bob"));
        String passwd = getent("passwd", "bob");
        String group = getent("group", "bob");

        Applied<Optional<User>> done = users.user("bob").absent().apply();

        assertThat(done.value()).isEmpty();
        assertThat(sandbox.run("getent", "passwd", "bob").exitCode()).isEqualTo(2);
        assertThat(done.plan().notes()).anyMatch(n -> n.contains("password hash is not kept"));
        done.rollback();

        assertThat(getent("passwd", "bob")).isEqualTo(passwd);
        assertThat(getent("group", "bob")).isEqualTo(group);
        assertThat(getent("group", "dev")).endsWith(":bob");
        assertThat(getent("shadow", "bob").split(":")[1]).startsWith("!");
    }

    @Test
    void removingTheHomeTooIsPlannedAsIrreversible() {
        sandbox.check(Command.of("useradd", "-m", "bob"));

        Plan plan = users.user("bob").removeHome(true).absent().plan();

        assertThat(plan.steps()).singleElement().satisfies(s -> {
            assertThat(s.action().render()).isEqualTo("sudo -n userdel -r bob");
            assertThat(s.undo()).isEmpty();
        });
        assertThat(plan.render()).contains("(cannot be undone)");
    }

    @Test
    void absentUserPlansNothing() {
        assertThat(users.user("nobody-here").absent().plan().isEmpty()).isTrue();
    }

    @Test
    void badNamesAreRefusedWithEveryProblemListed() {
        assertThatThrownBy(() -> users.user("Alice").uid(-5).shell("bash").groups("x y").present().plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(v -> v.field()).containsExactly("name", "uid", "groups", "shell"));
        assertThatThrownBy(() -> users.user("a".repeat(33)).present().plan())
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 32");
    }

    @Test
    void aTakenUidIsAConflict() {
        sandbox.check(Command.of("useradd", "-M", "-u", "1500", "bob"));

        assertThatThrownBy(() -> users.user("alice").uid(1500).present().plan())
                .isInstanceOf(ConflictException.class).hasMessageContaining("uid 1500").hasMessageContaining("bob");
    }

    @Test
    void missingGroupsAreNotFoundAndNothingIsApplied() {
        assertThatThrownBy(() -> users.user("alice").groups("nogroup1", "nogroup2").present().apply())
                .isInstanceOf(NotFoundException.class).hasMessageContaining("nogroup1, nogroup2");
        assertThat(sandbox.run("getent", "passwd", "alice").exitCode()).isEqualTo(2);
    }

    @Test
    void aUserAddedToAGroupThatDoesNotExistFailsAtPlanNotAtApply() {
        sandbox.check(Command.of("useradd", "-M", "-s", "/bin/sh", "alice"));

        assertThatThrownBy(() -> users.user("alice").memberOf("nogroup1").primaryGroup("nogroup2").present().plan())
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.resource()).isEqualTo("group nogroup2, nogroup1"));
        assertThat(getent("group", "nogroup1")).isEmpty();
    }

    @Test
    void applyPlansAgainSoAGroupRemovedSincePlanningStopsItBeforeAnyStep() {
        sandbox.check(Command.of("groupadd", "dev"));
        sandbox.check(Command.of("useradd", "-M", "-s", "/bin/sh", "alice"));
        var change = users.user("alice").shell("/bin/bash").memberOf("dev").present();
        change.plan();
        sandbox.check(Command.builder().addArgv("sh", "-c", "sed -i '/^dev:/d' /etc/group /etc/gshadow").build());

        assertThatThrownBy(change::apply).isInstanceOf(NotFoundException.class);
        assertThat(getent("passwd", "alice")).endsWith(":/bin/sh");
    }

    @Test
    void groupsAreCreatedWithMembersAndDeletedAndRestored() {
        sandbox.check(Command.of("useradd", "-M", "alice"));
        Applied<Group> created = groups.group("deploy").gid(2000).members("alice").present().apply();
        assertThat(getent("group", "deploy")).isEqualTo("deploy:x:2000:alice");
        assertThat(groups.group("deploy").gid(2000).members("alice").present().plan().isEmpty()).isTrue();

        Applied<Optional<Group>> deleted = groups.group("deploy").absent().apply();
        assertThat(sandbox.run("getent", "group", "deploy").exitCode()).isEqualTo(2);
        deleted.rollback();
        assertThat(getent("group", "deploy")).isEqualTo("deploy:x:2000:alice");

        created.rollback();
        assertThat(sandbox.run("getent", "group", "deploy").exitCode()).isEqualTo(2);
        assertThat(LocalHost.create().run("getent", "group", "deploy").exitCode()).isEqualTo(2);
    }

    @Test
    void groupGidAndMembersAreModified() {
        sandbox.check(Command.of("useradd", "-M", "alice"));
        sandbox.check(Command.of("useradd", "-M", "bob"));
        sandbox.check(Command.of("groupadd", "-g", "2000", "-U", "alice", "deploy"));

        Applied<Group> done = groups.group("deploy").gid(2001).members("bob").present().apply();

        assertThat(done.value()).isEqualTo(new Group("deploy", 2001, java.util.List.of("bob")));
        done.rollback();
        assertThat(getent("group", "deploy")).isEqualTo("deploy:x:2000:alice");
    }

    @Test
    void aGroupThatIsSomeonesPrimaryGroupIsNotDeleted() {
        sandbox.check(Command.of("useradd", "-M", "alice"));

        assertThatThrownBy(() -> groups.group("alice").absent().plan())
                .isInstanceOf(ConflictException.class).hasMessageContaining("primary group of alice");
    }

    @Test
    void groupMembersMustExistAndGidsMustBeFree() {
        sandbox.check(Command.of("groupadd", "-g", "2000", "taken"));

        assertThatThrownBy(() -> groups.group("deploy").members("ghost").present().plan())
                .isInstanceOf(NotFoundException.class).hasMessageContaining("ghost");
        assertThatThrownBy(() -> groups.group("deploy").gid(2000).present().plan())
                .isInstanceOf(ConflictException.class).hasMessageContaining("taken");
    }
}
