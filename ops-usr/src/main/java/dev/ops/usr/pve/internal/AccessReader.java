package dev.ops.usr.pve.internal;

import dev.ops.core.error.NotFoundException;
import dev.ops.proxmox.JsonValue;
import dev.ops.pve.PveClient;
import dev.ops.usr.pve.PveAclEntry;
import dev.ops.usr.pve.PveGroup;
import dev.ops.usr.pve.PveToken;
import dev.ops.usr.pve.PveUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads users, groups, tokens and ACLs from Proxmox; a missing one (404, or "no such ...") reads as empty. */
public final class AccessReader {
    private final PveClient client;

    public AccessReader(PveClient client) {
        this.client = client;
    }

    public Optional<PveUser> user(String userid) {
        return find("/access/users/{userid}", Map.of("userid", userid)).map(d -> {
            List<String> groups = new ArrayList<>();
            JsonValue g = d.path("groups");
            if (g.isArray()) {
                g.forEach(x -> groups.add(x.asText()));
            } else if (g.isTextual() && !g.asText().isEmpty()) {
                groups.addAll(List.of(g.asText().split("[,;\\s]+")));
            }
            List<String> tokens = new ArrayList<>();
            JsonValue t = d.path("tokens");
            if (t.isObject()) {
                tokens.addAll(t.fieldNames());
            } else if (t.isArray()) {
                t.forEach(x -> tokens.add(x.path("tokenid").asText()));
            }
            return PveUser.builder().userid(userid).email(text(d, "email")).firstName(text(d, "firstname")).lastName(text(d, "lastname"))
                    .comment(text(d, "comment")).groups(sorted(groups)).enabled(flag(d, "enable", true)).expire(expire(d))
                    .tokens(sorted(tokens)).build();
        });
    }

    public Optional<PveGroup> group(String groupid) {
        return find("/access/groups/{groupid}", Map.of("groupid", groupid)).map(d -> {
            List<String> members = new ArrayList<>();
            d.path("members").forEach(x -> members.add(x.asText()));
            return PveGroup.builder().groupid(groupid).comment(text(d, "comment")).members(sorted(members)).build();
        });
    }

    public Optional<PveToken> token(String userid, String tokenid) {
        return find("/access/users/{userid}/token/{tokenid}", Map.of("userid", userid, "tokenid", tokenid))
                .map(d -> PveToken.builder().userid(userid).tokenid(tokenid).comment(text(d, "comment")).expire(expire(d))
                        .privilegeSeparation(flag(d, "privsep", true)).build());
    }

    public List<PveAclEntry> acl() {
        List<PveAclEntry> out = new ArrayList<>();
        JsonValue data = client.api().get("/access/acl");
        if (data != null) {
            for (JsonValue e : data) {
                out.add(new PveAclEntry(e.path("path").asText(), PveAclEntry.PrincipalType.fromWire(e.path("type").asText()),
                        e.path("ugid").asText(), e.path("roleid").asText(), flag(e, "propagate", true)));
            }
        }
        return out;
    }

    private Optional<JsonValue> find(String template, Map<String, ?> params) {
        try {
            JsonValue d = client.api().get(template, params);
            return Optional.of(d == null || d.isNull() ? JsonValue.parse("{}") : d);
        } catch (NotFoundException missing) {
            return Optional.empty();
        }
    }

    static Optional<String> text(JsonValue d, String field) {
        JsonValue v = d.path(field);
        return v.isMissing() || v.isNull() || v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
    }

    static boolean flag(JsonValue d, String field, boolean dflt) {
        JsonValue v = d.path(field);
        if (v.isMissing() || v.isNull()) {
            return dflt;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return v.isNumber() || v.asText().trim().matches("-?\\d+") ? v.asInt() != 0 : dflt;
    }

    static Optional<Instant> expire(JsonValue d) {
        JsonValue v = d.path("expire");
        return v.isMissing() || v.isNull() || v.asLong() == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(v.asLong()));
    }

    private static List<String> sorted(List<String> in) {
        List<String> out = new ArrayList<>(in);
        out.removeIf(String::isEmpty);
        out.sort(null);
        return out;
    }

}
