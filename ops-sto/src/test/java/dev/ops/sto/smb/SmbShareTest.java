package dev.ops.sto.smb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.sto.smb.internal.SmbConf;
import org.junit.jupiter.api.Test;

/** Share sections are built from typed values and edited into smb.conf without touching the rest. */
class SmbShareTest {
    private static final String CONF = """
            [global]
               workgroup = LAB
            ; a comment
            [old]
               path = /srv/old

            [Backup]
               path = /srv/x
               read only = yes
            """;

    @Test
    void aShareNameWithABracketOrNewlineIsRefusedNamingTheField() {
        for (String bad : new String[] {"a]b", "a\nb", "[x", "global", " padded", "x".repeat(81)}) {
            assertThatThrownBy(() -> SmbShare.builder().name(bad).path("/srv/a").build()).as(bad)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("name")).isNotEmpty());
        }
        assertThatThrownBy(() -> SmbShare.builder().name("ok").path("/srv/a\n[evil]").putParameters("x\n", "y").build())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(v -> v.field())
                        .contains("path", "parameters"));
    }

    @Test
    void aShareRendersItsTypedValues() {
        SmbShare s = SmbShare.builder().name("backup").path("/srv/backup").comment("nightly").readOnly(false).addValidUsers("alice", "@ops")
                .putParameters("create mask", "0660").build();
        assertThat(s.render()).isEqualTo("[backup]\n   path = /srv/backup\n   comment = nightly\n   read only = no\n   browseable = yes\n"
                + "   guest ok = no\n   valid users = alice @ops\n   create mask = 0660\n");
    }

    @Test
    void replacingASectionMatchesItsNameCaseInsensitivelyAndKeepsTheRest() {
        SmbConf conf = SmbConf.parse(CONF);
        String next = conf.with("backup", "[backup]\n   path = /srv/new\n");
        assertThat(next).isEqualTo(CONF.replace("[Backup]\n   path = /srv/x\n   read only = yes\n", "[backup]\n   path = /srv/new\n"));
        assertThat(conf.with("media", "[media]\n   path = /srv/m\n")).isEqualTo(CONF + "\n[media]\n   path = /srv/m\n");
        assertThat(conf.without("old")).isEqualTo(CONF.replace("[old]\n   path = /srv/old\n\n", ""));
        assertThat(conf.sections().get("Backup")).containsEntry("read only", "yes");
    }
}
