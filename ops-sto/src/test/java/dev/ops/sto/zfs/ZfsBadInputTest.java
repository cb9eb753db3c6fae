package dev.ops.sto.zfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.error.ValidationException;
import dev.ops.testkit.host.ScriptedHost;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Names and values ZFS would refuse are refused before anything runs, each naming its field. */
class ZfsBadInputTest {
    private final ScriptedHost host = ScriptedHost.named("zfs-host");
    private final Zfs zfs = Zfs.on(host, Ops.inMemory());

    private static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field, String part) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf(field)).anySatisfy(v -> assertThat(v.message()).contains(part)));
    }

    @Test
    void invalidCharactersAndLengthsAreRefusedNamingTheField() {
        refused(() -> zfs.dataset("tank/a*b").present().plan(), "name", "invalid character '*'");
        refused(() -> zfs.dataset("tank//a").present().plan(), "name", "empty component");
        refused(() -> zfs.dataset("1tank/a").present().plan(), "name", "must start with a letter");
        refused(() -> zfs.dataset("mirror/a").present().plan(), "name", "reserved");
        refused(() -> zfs.dataset("tank/" + "a".repeat(251)).present().plan(), "name", "over ZFS's limit of 255");
        refused(() -> zfs.snapshot("tank/a").present().plan(), "name", "exactly one '@'");
        refused(() -> zfs.snapshot("tank/a@b@c").present().plan(), "name", "exactly one '@'");
        refused(() -> zfs.snapshot("tank/a@x\ny").present().plan(), "name", "U+000A");
        refused(() -> zfs.dataset("tank").present().plan(), "name", "is a pool");
        assertThat(host.commands()).isEmpty();
    }

    @Test
    void performanceSettingsAreCheckedBeforeAnythingRuns() {
        refused(() -> zfs.dataset("tank/a").set("recordsize", "100K").plan(), "property", "power of two");
        refused(() -> zfs.dataset("tank/a").set("recordsize", "32M").plan(), "property", "power of two");
        refused(() -> zfs.dataset("tank/a").set("compression", "snappy").plan(), "property", "not a compression");
        refused(() -> zfs.dataset("tank/a").set("atime", "yes").plan(), "property", "on or off");
        refused(() -> zfs.dataset("tank/a").set("primarycache", "most").plan(), "property", "one of");
        refused(() -> zfs.dataset("tank/v").set("volblocksize", "16K").plan(), "property", "fixed when a volume is created");
        refused(() -> zfs.dataset("tank/a").property("volblocksize", "16K").present().plan(), "properties.volblocksize", "volumes only");
        assertThatThrownBy(() -> zfs.volume("tank/v", 0)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf("size")).hasSize(1));
        assertThat(host.commands()).isEmpty();
    }

    @Provide
    Arbitrary<String> validNames() {
        Arbitrary<String> part = Arbitraries.strings().withChars("abcXYZ019_-:. ").ofMinLength(1).ofMaxLength(20)
                .filter(s -> !s.equals(".") && !s.equals(".."));
        return part.list().ofMinSize(1).ofMaxSize(4).map(l -> "tank/" + String.join("/", l)).filter(n -> n.length() <= 255);
    }

    @Property
    void everyNameOfAllowedCharactersIsAccepted(@ForAll("validNames") String name) {
        dev.ops.core.error.Violations v = dev.ops.core.error.Violations.of("t");
        dev.ops.sto.zfs.internal.ZfsNames.checkDataset(v, "name", name);
        assertThat(v.list()).isEmpty();
        dev.ops.sto.zfs.internal.ZfsNames.checkSnapshot(v, "name", name + "@snap 1");
        assertThat(v.list()).isEmpty();
    }

    @Property
    void anyOtherCharacterIsRefused(@ForAll("validNames") String name, @ForAll char c) {
        boolean allowed = Character.isLetterOrDigit(c) && c < 128 || "_-:. /".indexOf(c) >= 0;
        if (allowed || c == '@' || c == '#') {
            return;
        }
        dev.ops.core.error.Violations v = dev.ops.core.error.Violations.of("t");
        dev.ops.sto.zfs.internal.ZfsNames.checkDataset(v, "name", name + c);
        assertThat(v.list()).singleElement().satisfies(x -> assertThat(x.field()).isEqualTo("name"));
    }
}
