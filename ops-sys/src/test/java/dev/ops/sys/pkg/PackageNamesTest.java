package dev.ops.sys.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import dev.ops.testkit.host.ScriptedHost;
import org.junit.jupiter.api.Test;

/** A bad package name is refused against the name before any command runs (a NUL never reaches an argv). */
class PackageNamesTest {
    private final ScriptedHost host = ScriptedHost.named("pkg-names");
    private final Packages packages = Packages.on(host, Ops.inMemory());

    @Test
    void aNulInAQueriedNameIsReportedAgainstTheName() {
        assertThatThrownBy(() -> packages.get("vim\0-x")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("name"));
        assertThat(host.commands()).isEmpty();
    }

    @Test
    void aNulInAnInstalledOrHeldNameIsReportedAgainstThePackages() {
        assertThatThrownBy(() -> packages.packages("vim\0-x", "bad name").present().plan()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("packages", "packages"));
        assertThatThrownBy(() -> packages.hold("vim\0").present().plan()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("packages"));
        assertThat(host.commands()).isEmpty();
    }
}
