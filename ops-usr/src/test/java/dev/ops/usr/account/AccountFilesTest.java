package dev.ops.usr.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The passwd, group and shadow line formats: round trips, this machine's real files (read only), bad lines and names. */
class AccountFilesTest {

    @Property(tries = 300)
    void passwdParseOfRenderIsIdentity(@ForAll("passwd") PasswdEntry e) {
        assertThat(PasswdEntry.parse(e.render())).isEqualTo(e);
    }

    @Property(tries = 300)
    void groupParseOfRenderIsIdentity(@ForAll("groups") GroupEntry e) {
        assertThat(GroupEntry.parse(e.render())).isEqualTo(e);
    }

    @Property(tries = 300)
    void shadowParseOfRenderIsIdentity(@ForAll("shadow") ShadowEntry e) {
        assertThat(ShadowEntry.parse(e.render())).isEqualTo(e);
    }

    @Property(tries = 300)
    void validNamesAreExactlyThoseOfTheUseraddRegex(@ForAll("names") String name) {
        assertThat(AccountNames.isValid(name)).isEqualTo(name.length() <= 32 && name.matches("[a-z_][a-z0-9_-]*[$]?"));
    }

    @Test
    void thisMachinesPasswdAndGroupFilesParseAndRenderBackLineForLine() throws IOException {
        for (String file : List.of("/etc/passwd", "/etc/group")) {
            Path p = Path.of(file);
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(p), file + " readable");
            List<String> lines = Files.readAllLines(p).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            List<String> rendered = file.endsWith("passwd")
                    ? PasswdEntry.parseFile(Files.readString(p)).stream().map(PasswdEntry::render).toList()
                    : GroupEntry.parseFile(Files.readString(p)).stream().map(GroupEntry::render).toList();
            assertThat(rendered).as(file).containsExactlyElementsOf(lines);
        }
    }

    @Test
    void rootIsUidZeroInThisMachinesPasswd() throws IOException {
        assertThat(PasswdEntry.parseFile(Files.readString(Path.of("/etc/passwd"))))
                .filteredOn(e -> e.name().equals("root")).singleElement().extracting(PasswdEntry::uid).isEqualTo(0L);
    }

    @Test
    void malformedLinesSayWhatIsWrong() {
        assertThatThrownBy(() -> PasswdEntry.parse("alice:x:abc:100:A:/home/alice")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.getMessage()).contains("has 6 fields, expected 7"));
        assertThatThrownBy(() -> PasswdEntry.parse("alice:x:abc:-1:A:/home/alice:/bin/sh")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(v -> v.field()).containsExactly("uid", "gid"));
        assertThatThrownBy(() -> GroupEntry.parse("dev:x:2000")).hasMessageContaining("expected 4");
    }

    @Test
    void shadowKnowsLockedAndPasswordless() {
        assertThat(ShadowEntry.parse("a:!:1:0:99999:7:::").locked()).isTrue();
        assertThat(ShadowEntry.parse("a:!:1:0:99999:7:::").hasPassword()).isFalse();
        assertThat(ShadowEntry.parse("a:!$6$s$h:1:0:99999:7:::").hasPassword()).isTrue();
        assertThat(ShadowEntry.parse("a:$6$s$h:1:0:99999:7:::").locked()).isFalse();
        assertThat(ShadowEntry.parse("a:$6$s$h:1:0:99999:7:::").toString()).doesNotContain("$6$");
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("abzAZ09_-$.").ofMaxLength(40);
    }

    private static Arbitrary<String> field() {
        return Arbitraries.strings().withChars("abc XYZ019,/._-é").ofMaxLength(12);
    }

    private static Arbitrary<String> name() {
        return Arbitraries.strings().withChars("abcxyz019_-").ofMinLength(1).ofMaxLength(10);
    }

    @Provide
    Arbitrary<PasswdEntry> passwd() {
        Arbitrary<Long> id = Arbitraries.longs().between(0, 4294967294L);
        return Combinators.combine(name(), Arbitraries.of("x", "*", ""), id, id, field(), field().map(f -> "/" + f), field())
                .as(PasswdEntry::new);
    }

    @Provide
    Arbitrary<GroupEntry> groups() {
        return Combinators.combine(name(), Arbitraries.of("x", "!", ""), Arbitraries.longs().between(0, 4294967294L), name().list().ofMaxSize(4))
                .as(GroupEntry::new);
    }

    @Provide
    Arbitrary<ShadowEntry> shadow() {
        Arbitrary<String> num = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.integers().between(0, 99999).map(String::valueOf));
        Arbitrary<String> hash = Arbitraries.of("!", "*", "!*", "", "$6$salt$hash", "!$y$j9T$abc/def");
        return Combinators.combine(name(), hash, num, num, num, num, num, num).as((n, h, a, b, c, d, e, f) -> new ShadowEntry(n, h, a, b, c, d, e, f, ""));
    }
}
