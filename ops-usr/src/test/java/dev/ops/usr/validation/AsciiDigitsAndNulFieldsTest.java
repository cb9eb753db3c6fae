package dev.ops.usr.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import dev.ops.testkit.host.ScriptedHost;
import dev.ops.usr.account.GroupEntry;
import dev.ops.usr.account.Groups;
import dev.ops.usr.account.PasswdEntry;
import dev.ops.usr.account.ShadowEntry;
import dev.ops.usr.account.Users;
import dev.ops.usr.file.FileAccess;
import dev.ops.usr.file.FilePermissions;
import dev.ops.usr.ssh.AuthorizedKeys;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Numbers are ASCII digits only, and a NUL is reported against the field that holds it, never as some command's argv. */
class AsciiDigitsAndNulFieldsTest {
    /** A host that answers nothing: validation must refuse before any command is run. */
    private final ScriptedHost host = ScriptedHost.named("h");
    private final Ops ops = Ops.inMemory();

    private static List<String> fields(Executable call) {
        try {
            call.execute();
        } catch (ValidationException e) {
            return e.violations().stream().map(Violation::field).toList();
        } catch (Throwable t) {
            throw new AssertionError("expected a ValidationException, got " + t, t);
        }
        return List.of();
    }

    @Test
    void aUidOrGidInOtherScriptsDigitsIsRefused() {
        assertThat(fields(() -> PasswdEntry.parse("alice:x:١٠٠٠:1000::/home/alice:/bin/sh"))).containsExactly("uid");
        assertThat(fields(() -> PasswdEntry.parse("alice:x:+1000:1000::/home/alice:/bin/sh"))).containsExactly("uid");
        assertThat(fields(() -> GroupEntry.parse("ops:x:۱۰۰۰:alice"))).containsExactly("gid");
        assertThat(fields(() -> ShadowEntry.parse("alice:!:١٩٠٠٠:0:99999:7:::"))).containsExactly("lastChange");
        assertThat(PasswdEntry.parse("alice:x:1000:1000::/home/alice:/bin/sh").uid()).isEqualTo(1000);
    }

    @Test
    void idsGivenAsTextMustBeAsciiDigits() {
        assertThat(fields(() -> Users.on(host, ops).user("alice").primaryGroup("١٠٠٠").present().plan())).containsExactly("primaryGroup");
        assertThat(fields(() -> FilePermissions.on(host, ops).path("/srv/x").owner("١٠٠٠").present().plan())).containsExactly("owner");
        assertThat(fields(() -> FilePermissions.on(host, ops).path("/srv/x").acl("user:٥:rwx").present().plan())).containsExactly("acl[0]");
        assertThat(fields(() -> FilePermissions.on(host, ops).path("/srv/x").owner("99999999999999999999").present().plan())).containsExactly("owner");
        assertThat(host.commands()).isEmpty();
    }

    @Test
    void getfaclOwnerInOtherDigitsIsNotANumber() {
        assertThatThrownBy(() -> FileAccess.parseAll("# file: x\n# owner: ١٠٠٠\n# group: 0\nuser::rw-\ngroup::r--\nother::r--\n"))
                .isInstanceOf(NumberFormatException.class);
    }

    @Test
    void aNulIsReportedAgainstItsFieldNotAsACommandsArgv() {
        assertThat(fields(() -> Users.on(host, ops).user("alice").home("/home/al\0ice").present().plan())).containsExactly("home");
        assertThat(fields(() -> Users.on(host, ops).user("alice").shell("/bin/s\0h").present().plan())).containsExactly("shell");
        assertThat(fields(() -> Users.on(host, ops).user("alice").gecos("A\0lice").present().plan())).containsExactly("gecos");
        assertThat(fields(() -> Users.on(host, ops).get("al\0ice"))).containsExactly("name");
        assertThat(fields(() -> Groups.on(host, ops).get("op\0s"))).containsExactly("name");
        assertThat(fields(() -> FilePermissions.on(host, ops).get("/srv/\0x"))).containsExactly("path");
        assertThat(fields(() -> FilePermissions.on(host, ops).path("/srv/x").removeAcl("user:al\0ice").present().plan())).containsExactly("removeAcl[0]");
        assertThat(fields(() -> AuthorizedKeys.on(host, ops).user("al\0ice").list())).containsExactly("user");
        assertThat(host.commands()).isEmpty();
    }
}
