package dev.ops.usr.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.host.Command;
import dev.ops.core.host.LocalHost;
import dev.ops.testkit.sandbox.SandboxHost;
import dev.ops.usr.testing.Sandboxes;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Mode, owner and ACLs set with the real setfacl inside a sandbox and read back with getfacl and stat. */
@Timeout(60)
class FilePermissionsSandboxTest {
    private SandboxHost sandbox;
    private FilePermissions files;

    @BeforeEach
    void start() {
        sandbox = Sandboxes.start("setfacl", "getfacl", "useradd");
        sandbox.check(Command.shell("useradd -M -u 1050 alice && useradd -M -u 1051 bob && groupadd -g 2000 dev"
                + " && mkdir -p /srv/app/sub && echo x > /srv/app/a.txt && echo y > /srv/app/sub/b.txt"
                + " && ln -s /etc/passwd /srv/app/link && chmod 0755 /srv/app /srv/app/sub && chmod 0644 /srv/app/a.txt /srv/app/sub/b.txt"));
        files = FilePermissions.on(sandbox, Ops.inMemory());
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private String getfacl(String... paths) {
        List<String> argv = new java.util.ArrayList<>(List.of("getfacl", "-p", "-R", "-P"));
        argv.addAll(List.of(paths));
        return sandbox.check(Command.of(argv)).stdoutText();
    }

    private String stat(String path) {
        return sandbox.output("stat", "-c", "%a %U:%G", path).strip();
    }

    @Test
    void setsOwnerGroupModeAndAnAclEntryOnOnePath() {
        files.path("/srv/app/a.txt").owner("alice").group("dev").mode("0640").acl("user:bob:r--").present().apply();

        assertThat(stat("/srv/app/a.txt")).isEqualTo("640 alice:dev");
        assertThat(sandbox.output("getfacl", "-p", "--omit-header", "/srv/app/a.txt"))
                .isEqualTo("user::rw-\nuser:bob:r--\ngroup::r--\nmask::r--\nother::---\n\n");
        assertThat(LocalHost.create().run("test", "-e", "/srv/app").ok()).isFalse();
    }

    @Test
    void thePlanShowsTheExactBeforeAndAfterOfEachPathAndChangesNothing() {
        String before = getfacl("/srv/app");

        Plan plan = files.path("/srv/app/a.txt").owner("alice").mode("0600").acl("u:bob:rw").present().plan();

        assertThat(plan.steps()).singleElement().extracting(s -> s.action().render()).asString().isEqualTo(
                "setfacl --restore=- (1 path(s))\n/srv/app/a.txt: 0:0 0644 -> 1050:0 0660 [user:1051:rw-, mask::rw-]");
        assertThat(getfacl("/srv/app")).isEqualTo(before);
    }

    @Test
    void aPathAlreadyAsDesiredPlansNothing() {
        files.path("/srv/app").owner("alice").mode("0750").acl("g:dev:rwx").recursive().present().apply();

        assertThat(files.path("/srv/app").owner("alice").mode("0750").acl("g:dev:rwx").recursive().present().plan().isEmpty()).isTrue();
    }

    @Test
    void recursiveAppliesToTheTreeSkipsSymlinksAndPutsDefaultsOnDirectoriesOnly() {
        String linkTarget = stat("/etc/passwd");

        files.path("/srv/app").group("dev").mode("0640").directoryMode("2750").acl("default:group:dev:rwx").recursive().present().apply();

        assertThat(stat("/srv/app")).isEqualTo("2750 root:dev");
        assertThat(stat("/srv/app/sub")).isEqualTo("2750 root:dev");
        assertThat(stat("/srv/app/sub/b.txt")).isEqualTo("640 root:dev");
        assertThat(sandbox.output("getfacl", "-p", "--omit-header", "/srv/app/sub")).contains("default:group:dev:rwx");
        assertThat(sandbox.output("getfacl", "-p", "--omit-header", "/srv/app/a.txt")).doesNotContain("default");
        assertThat(stat("/etc/passwd")).isEqualTo(linkTarget);
    }

    @Test
    void rollbackRestoresEveryPathExactly() {
        sandbox.check(Command.shell("setfacl -m u:bob:rwx /srv/app/sub && chmod 4755 /srv/app/a.txt"));
        String before = getfacl("/srv/app");

        Applied<List<FileAccess>> done = files.path("/srv/app").owner("bob").mode("0700").clearAcl().recursive().present().apply();
        assertThat(getfacl("/srv/app")).isNotEqualTo(before);
        done.rollback();

        assertThat(getfacl("/srv/app")).isEqualTo(before);
    }

    @Test
    void removingAnEntryKeepsTheOthers() {
        sandbox.check(Command.shell("setfacl -m u:bob:rwx,u:alice:r-x /srv/app/a.txt"));

        Applied<List<FileAccess>> done = files.path("/srv/app/a.txt").removeAcl("user:bob").present().apply();

        assertThat(done.value().get(0).extended()).containsExactly(AclEntry.parse("user:1050:r-x"), AclEntry.parse("mask::r-x"));
        assertThat(sandbox.output("getfacl", "-p", "--omit-header", "/srv/app/a.txt")).doesNotContain("bob").contains("user:alice:r-x");
    }

    @Test
    void missingUsersAndGroupsAreNotFoundTogether() {
        assertThatThrownBy(() -> files.path("/srv/app").owner("ghost").acl("group:nogroup2:r").present().plan())
                .isInstanceOf(NotFoundException.class).hasMessageContaining("user ghost, group nogroup2");
    }

    @Test
    void aSymlinkIsRefusedRatherThanFollowed() {
        assertThatThrownBy(() -> files.path("/srv/app/link").mode("0777").present().plan())
                .isInstanceOf(ValidationException.class).hasMessageContaining("symbolic link");
    }

    @Test
    void aMissingPathIsNotFound() {
        assertThatThrownBy(() -> files.path("/srv/nothing-here").mode("0700").present().plan()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void badInputIsRefusedWithEveryProblem() {
        assertThatThrownBy(() -> files.path("relative").mode("0999").owner("Bad Name").acl("user:bob:rwz").present().plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(v -> v.field())
                        .containsExactly("path", "owner", "mode", "acl[0].permissions"));
    }

    @Test
    void defaultEntriesOnAFileAreRefused() {
        assertThatThrownBy(() -> files.path("/srv/app/a.txt").acl("d:u:bob:r").present().plan())
                .isInstanceOf(ValidationException.class).hasMessageContaining("not a directory");
    }
}
