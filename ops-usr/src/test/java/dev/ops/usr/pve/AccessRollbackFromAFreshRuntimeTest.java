package dev.ops.usr.pve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.secret.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every undo of the Proxmox access changes survives the journal: applied in one runtime, rolled back
 * from another that only shares the state store, as a fresh JVM after a crash would; and the journal
 * holds neither passwords nor token secrets.
 */
class AccessRollbackFromAFreshRuntimeTest extends AccessTestBase {
    private static final String PASSWORD = "Fresh-Runtime-Pass-9";

    @Test
    void userGroupTokenAndAclChangesRollBackFromAFreshRuntime() {
        pve.group("ops", "operators");
        pve.addUser("bob@pve", Map.of("email", "bob@example.org"), "ops");
        pve.token("bob@pve", "old", Map.of("privsep", true, "expire", 0));
        pve.acl(new Acl("/", "user", "bob@pve", "PVEAuditor", true));
        String before = snapshot();

        List<String> ids = new ArrayList<>();
        ids.add(access.group("dev").comment("developers").present().apply().id().orElseThrow());
        ids.add(access.user("alice@pve").groups("dev").password(Secret.of(PASSWORD)).present().apply().id().orElseThrow());
        var token = access.token("alice@pve", "ci").present().apply();
        ids.add(token.id().orElseThrow());
        ids.add(access.acl("/vms/100").role("PVEVMUser").token("alice@pve!ci").present().apply().id().orElseThrow());
        ids.add(access.group("ops").absent().apply().id().orElseThrow());
        String secret = token.value().secret().orElseThrow().reveal();
        assertThat(snapshot()).isNotEqualTo(before);
        assertThat(storeText()).doesNotContain(PASSWORD).doesNotContain(secret);

        Ops fresh = Ops.builder().store(store).build();
        for (String id : ids.reversed()) {
            fresh.rollback(id, client.targets()).run();
        }

        // bob keeps his fields, groups and ACL entries; his token "old" was never touched.
        assertThat(snapshot()).isEqualTo(before);
    }

    private String snapshot() {
        StringBuilder sb = new StringBuilder();
        pve.users().stream().sorted().forEach(id -> sb.append(id).append(pve.user(id).orElseThrow()).append('\n'));
        sb.append(pve.groups()).append('\n');
        pve.acl().stream().map(Object::toString).sorted().forEach(a -> sb.append(a).append('\n'));
        return sb.toString();
    }
}
