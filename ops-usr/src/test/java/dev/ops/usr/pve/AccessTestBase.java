package dev.ops.usr.pve;


import dev.ops.core.Ops;
import dev.ops.core.secret.Secret;
import dev.ops.core.store.InMemoryStateStore;
import dev.ops.core.store.StateStore;
import dev.ops.proxmox.JsonValue;
import dev.ops.pve.PveClient;
import dev.ops.testkit.pve.PveFakeServer;
import dev.ops.testkit.pve.RecordedCall;
import dev.ops.testkit.pve.junit.EnablePveFake;
import dev.ops.testkit.pve.junit.PveFake;
import dev.ops.testkit.pve.junit.PveSeed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * A fresh fake PVE server per test (ops-testkit's, which checks every request against the real schema and fails the
 * test on a violation), the SDK's client of it, and {@link #pve}: the test's own way to set up and read the access
 * state, through the API with a token of its own so that its calls are told apart from the SDK's.
 */
@EnablePveFake(nodes = "pve1")
@Timeout(30)
abstract class AccessTestBase {
    private static final String SEED_TOKEN = "seed";
    private static final String SEED_SECRET = "5e3d-seed-secret";
    PveFakeServer server;
    PveClient client;
    PveFake fake;
    StateStore store;
    Ops ops;
    ProxmoxAccess access;
    AccessState pve;

    @PveSeed
    static void seedToken(PveFakeServer.Builder b) {
        b.token("root@pam", SEED_TOKEN, SEED_SECRET);
    }

    @BeforeEach
    void startAccess() {
        store = InMemoryStateStore.create();
        ops = Ops.builder().store(store).build();
        access = ProxmoxAccess.on(client, ops);
        pve = new AccessState(server, fake.newClient(b -> b.apiToken("root@pam", SEED_TOKEN, Secret.of(SEED_SECRET))));
    }

    @AfterEach
    void closeSeedClient() {
        pve.close();
    }

    /** Everything the state store holds (journal and audit), as text. */
    String storeText() {
        return store.list("").stream().map(e -> e.key() + "=" + new String(e.value().value(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("\n"));
    }

    /** One ACL entry as {@code GET /access/acl} lists it. */
    record Acl(String path, String type, String ugid, String roleid, boolean propagate) {}

    /** Sets up and reads the fake's access state through the API, as another administrator would. */
    static final class AccessState implements AutoCloseable {
        private final PveFakeServer server;
        private final PveClient admin;

        AccessState(PveFakeServer server, PveClient admin) {
            this.server = server;
            this.admin = admin;
        }

        void group(String groupid, String comment) {
            Map<String, Object> p = new LinkedHashMap<>(Map.of("groupid", groupid));
            if (!comment.isEmpty()) {
                p.put("comment", comment);
            }
            admin.api().post("/access/groups", p);
        }

        void removeGroup(String groupid) {
            admin.api().delete("/access/groups/{groupid}", Map.of("groupid", groupid));
        }

        /** Creates a user in these groups with these fields (email, comment, expire, ...). */
        void addUser(String userid, Map<String, Object> fields, String... groups) {
            Map<String, Object> p = new LinkedHashMap<>(fields);
            p.put("userid", userid);
            if (groups.length > 0) {
                p.put("groups", String.join(",", groups));
            }
            admin.api().post("/access/users", p);
        }

        void addUser(String userid, String... groups) {
            addUser(userid, Map.of(), groups);
        }

        void removeUser(String userid) {
            admin.api().delete("/access/users/{userid}", Map.of("userid", userid));
        }

        void token(String userid, String tokenid, Map<String, Object> fields) {
            Map<String, Object> p = new LinkedHashMap<>(fields);
            p.put("userid", userid);
            p.put("tokenid", tokenid);
            admin.api().post("/access/users/{userid}/token/{tokenid}", p);
        }

        void acl(Acl a) {
            admin.api().put("/access/acl", Map.of("path", a.path(), "roles", a.roleid(), a.type() + "s", a.ugid(),
                    "propagate", a.propagate()));
        }

        /** Groups and their comments. */
        Map<String, String> groups() {
            Map<String, String> out = new TreeMap<>();
            admin.api().get("/access/groups").forEach(g -> out.put(g.path("groupid").asText(), g.path("comment").asText("")));
            return out;
        }

        List<String> users() {
            List<String> out = new ArrayList<>();
            admin.api().get("/access/users").forEach(u -> out.add(u.path("userid").asText()));
            return out;
        }

        /** A user as {@code GET /access/users/{userid}} shows it, or empty. */
        Optional<JsonValue> user(String userid) {
            return users().contains(userid) ? Optional.of(admin.api().get("/access/users/{userid}", Map.of("userid", userid)))
                    : Optional.empty();
        }

        List<String> groupsOf(String userid) {
            List<String> out = new ArrayList<>();
            user(userid).orElseThrow().path("groups").forEach(g -> out.add(g.asText()));
            return out;
        }

        /** A user's tokens as the user read shows them, by name. */
        Map<String, JsonValue> tokens(String userid) {
            Map<String, JsonValue> out = new TreeMap<>();
            JsonValue tokens = user(userid).orElseThrow().path("tokens");
            tokens.fieldNames().forEach(name -> out.put(name, tokens.path(name)));
            return out;
        }

        List<Acl> acl() {
            List<Acl> out = new ArrayList<>();
            admin.api().get("/access/acl").forEach(a -> out.add(new Acl(a.path("path").asText(), a.path("type").asText(),
                    a.path("ugid").asText(), a.path("roleid").asText(), (a.path("propagate").isMissing() || a.path("propagate").asInt() == 1))));
            return out;
        }

        /** The requests the SDK's client sent (not this helper's), oldest first. */
        List<RecordedCall> requests() {
            return server.requests().stream().filter(r -> !r.principal().equals("root@pam!" + SEED_TOKEN)).toList();
        }

        /** The SDK's requests other than GETs, as {@code METHOD path}. */
        List<String> writes() {
            return requests().stream().filter(r -> !r.method().equals("GET")).map(r -> r.method() + " " + r.path()).toList();
        }

        @Override
        public void close() {
            admin.close();
        }
    }

}
