package dev.ops.sys.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.sys.pkg.PackageOperation.Kind;
import dev.ops.sys.pkg.internal.AptSimulation;
import dev.ops.sys.pkg.internal.DpkgQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AptParsersPropertiesTest {

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("abcxyz019+.-").ofMinLength(1).ofMaxLength(15).map(s -> "p" + s);
    }

    @Provide
    Arbitrary<String> versions() {
        return Arbitraries.strings().withChars("0123456789.+~-abc").ofMinLength(0).ofMaxLength(10).map(s -> "1" + s);
    }

    @Provide
    Arbitrary<InstalledPackage> packages() {
        return Combinators.combine(names(), versions(), Arbitraries.of("all", "amd64", "arm64"),
                Arbitraries.of("install", "hold", "deinstall", "purge", "unknown"),
                Arbitraries.of("installed", "config-files", "not-installed", "half-installed", "unpacked"))
                .as(InstalledPackage::new);
    }

    @Property
    void dpkgQueryLinesParseBack(@ForAll @Size(max = 20) List<@net.jqwik.api.From("packages") InstalledPackage> pkgs) {
        String text = pkgs.stream().map(DpkgQuery::render).collect(Collectors.joining());

        assertThat(DpkgQuery.parse(text)).containsExactlyElementsOf(pkgs);
    }

    @Provide
    Arbitrary<PackageOperation> operations() {
        return Combinators.combine(Arbitraries.of(Kind.values()), names(), versions(), versions(), Arbitraries.of(true, false))
                .as((k, n, v, old, req) -> new PackageOperation(k, n, v, k == Kind.REPLACE ? old : "", req));
    }

    @Property
    void aptSimulationLinesParseBackToTheirOperations(@ForAll @Size(max = 15) List<@net.jqwik.api.From("operations") PackageOperation> ops) {
        StringBuilder text = new StringBuilder("Reading package lists...\nThe following NEW packages will be installed:\n  x y\n");
        for (PackageOperation o : ops) {
            switch (o.kind()) {
                case INSTALL -> text.append("Inst ").append(o.name()).append(" (").append(o.version()).append(" Debian:12.5/stable [amd64])\n");
                case REPLACE -> text.append("Inst ").append(o.name()).append(" [").append(o.previousVersion()).append("] (").append(o.version())
                        .append(" Debian-Security:12/stable-security [amd64]) []\n");
                case REMOVE -> text.append("Remv ").append(o.name()).append(" [").append(o.version()).append("]\n");
            }
            if (o.kind() != Kind.REMOVE) {
                text.append("Conf ").append(o.name()).append(" (").append(o.version()).append(" Debian:12.5/stable [amd64])\n");
            }
        }
        Set<String> requested = ops.stream().filter(PackageOperation::requested).map(PackageOperation::name).collect(Collectors.toSet());

        List<PackageOperation> expected = new ArrayList<>();
        ops.forEach(o -> expected.add(new PackageOperation(o.kind(), o.name(), o.version(), o.previousVersion(), requested.contains(o.name()))));
        assertThat(AptSimulation.parse(text.toString(), requested)).containsExactlyElementsOf(expected);
    }

    @Test
    void thisMachinesDpkgDatabaseParsesOneRecordPerLine() {
        dev.ops.core.testing.RealComponents.program("dpkg-query");
        String out = dev.ops.core.host.LocalHost.create().run("dpkg-query", "-W", "-f=" + DpkgQuery.FORMAT).stdoutText();
        dev.ops.core.testing.RealComponents.assume(!out.isEmpty(), "dpkg");

        assertThat(DpkgQuery.parse(out)).hasSize((int) out.lines().count()).anySatisfy(p -> assertThat(p.name()).isEqualTo("dpkg"));
    }
}
