package dev.ops.usr.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The getfacl format and ACL entry syntax. */
class FileAccessTest {
    private static final String DUMP = """
            # file: /srv/a\\040b\\134c
            # owner: 1050
            # group: 2000
            # flags: -s-
            user::rwx
            user:1051:r-x\t#effective:r--
            group::r-x
            mask::r--
            other::---
            default:user::rwx
            default:group::r-x
            default:other::---

            """;

    @Test
    void parsesAGetfaclBlockWithEscapesFlagsAndEffectiveRemarks() {
        FileAccess a = FileAccess.parseAll(DUMP).get(0);

        assertThat(a.path()).isEqualTo("/srv/a b\\c");
        assertThat(a.mode()).isEqualTo("2740");
        assertThat(a.extended()).extracting(AclEntry::render)
                .containsExactly("user:1051:r-x", "mask::r--", "default:user::rwx", "default:group::r-x", "default:other::---");
    }

    @Test
    void entriesAcceptTheShortFormsSetfaclAccepts() {
        assertThat(AclEntry.parse("d:g:dev:rx")).isEqualTo(new AclEntry(true, AclEntry.Tag.GROUP, "dev", "r-x"));
        assertThat(AclEntry.parse("o::5").permissions()).isEqualTo("r-x");
        assertThat(AclEntry.parse("m::rw").render()).isEqualTo("mask::rw-");
    }

    @Test
    void badEntriesSayWhy() {
        assertThatThrownBy(() -> AclEntry.parse("x:bob:rwx")).isInstanceOf(ValidationException.class).hasMessageContaining("'x' is not user");
        assertThatThrownBy(() -> AclEntry.parse("user:bob:rwq")).hasMessageContaining("'rwq'");
        assertThatThrownBy(() -> AclEntry.parse("other:bob:r")).hasMessageContaining("only user and group entries name someone");
    }

    @Property(tries = 300)
    void parseOfRenderIsIdentity(@ForAll("accesses") FileAccess a) {
        assertThat(FileAccess.parseAll(a.render())).containsExactly(a);
    }

    @Provide
    Arbitrary<FileAccess> accesses() {
        Arbitrary<String> perms = Arbitraries.of("---", "r--", "rw-", "r-x", "rwx", "--x");
        Arbitrary<AclEntry> named = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(AclEntry.Tag.USER, AclEntry.Tag.GROUP),
                Arbitraries.integers().between(0, 70000).map(String::valueOf), perms).as(AclEntry::new);
        Arbitrary<String> path = Arbitraries.strings().withChars("ab \\\n\té/").ofMinLength(1).ofMaxLength(12).map(s -> "/" + s);
        return Combinators.combine(path, Arbitraries.longs().between(0, 70000), Arbitraries.longs().between(0, 70000),
                Arbitraries.of("---", "s--", "-s-", "--t", "sst"), perms, perms, perms, named.list().ofMaxSize(4).uniqueElements(e -> e.isDefault() + e.qualifier() + e.tag()))
                .as((p, u, g, f, up, gp, op, extra) -> {
                    List<AclEntry> entries = new java.util.ArrayList<>(List.of(new AclEntry(false, AclEntry.Tag.USER, "", up),
                            new AclEntry(false, AclEntry.Tag.GROUP, "", gp), new AclEntry(false, AclEntry.Tag.OTHER, "", op)));
                    entries.addAll(extra);
                    return new FileAccess(p, u, g, f, entries);
                });
    }
}
