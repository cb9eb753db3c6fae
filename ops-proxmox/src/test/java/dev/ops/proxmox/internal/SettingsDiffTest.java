package dev.ops.proxmox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one way Proxmox changes compare settings: a whole entry replaced deletes what the request
 * leaves out and the undo puts it back, in PVE's and PBS's form of {@code delete}, with secrets never
 * put back.
 */
class SettingsDiffTest {
    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void aReplacedEntryDeletesWhatTheRequestLeavesOutAndTheUndoPutsItBack() {
        SettingsDiff d = SettingsDiff.replacing(map("schedule", "*/15", "comment", "old", "rate", "10"), map("schedule", "*/30", "disable", 1),
                "(default)");

        assertThat(d.forward(Map.of("id", "100-0"))).isEqualTo(map("id", "100-0", "schedule", "*/30", "disable", 1, "delete", "comment,rate"));
        assertThat(d.undo(Map.of("id", "100-0"))).isEqualTo(map("id", "100-0", "schedule", "*/15", "comment", "old", "rate", "10",
                "delete", "disable"));
        assertThat(d.lines()).containsExactly("schedule: */15 -> */30", "disable: (default) -> 1", "comment: old -> (default)",
                "rate: 10 -> (default)");
    }

    @Test
    void pbsSectionsDeleteByArrayAndCompareListsAndBooleansAsTheWireHasThem() {
        SettingsDiff.Rules pbs = new SettingsDiff.Rules("(unset)", true, Set.of());
        SettingsDiff d = SettingsDiff.replacing(map("group-filter", List.of("type:vm", "type:ct"), "remove-vanished", "1", "comment", "x"),
                map("group-filter", List.of("type:vm", "type:ct"), "remove-vanished", true), pbs);

        assertThat(d.forward(Map.of())).isEqualTo(map("delete", List.of("comment")));
        assertThat(d.undo(Map.of())).isEqualTo(map("comment", "x"));
    }

    @Test
    void aSecretIsAlwaysSentNeverShownAndNeverPutBackNorDeletedWhenTheServerHidesIt() {
        SettingsDiff.Rules remote = new SettingsDiff.Rules("(unset)", true, Set.of("password"));
        SettingsDiff sent = SettingsDiff.replacing(map("host", "pbs2"), map("host", "pbs2", "password", "s3cret"), remote);
        SettingsDiff kept = SettingsDiff.replacing(map("host", "pbs2"), map("host", "pbs2"), remote);

        assertThat(sent.forward(Map.of())).isEqualTo(map("password", "s3cret"));
        assertThat(sent.undo(Map.of())).isEmpty();
        assertThat(String.join("\n", sent.lines())).doesNotContain("s3cret");
        assertThat(kept.isEmpty()).isTrue();
    }

    @Test
    void aPartialChangeLeavesUnnamedSettingsAlone() {
        SettingsDiff d = SettingsDiff.of(Map.of("enable", "1", "policy_in", "DROP"), map("enable", true), "(default)");

        assertThat(d.isEmpty()).isTrue();
    }
}
