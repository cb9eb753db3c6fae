package dev.ops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a user of the published artifacts relies on, checked on the reactor's poms (and on the jars, when this runs
 * after they were packaged, as in {@code bin/test}): ops-bom manages every published module, every jar names its
 * {@code Automatic-Module-Name} after its artifactId, and every published pom carries what Maven Central requires.
 * A module is published unless its pom sets {@code maven.deploy.skip} (ops-bench, ops-examples).
 */
class PublishingTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theBomManagesEveryPublishedModuleAtTheReactorsVersion() throws Exception {
        Element bom = pom(ROOT.resolve("ops-bom/pom.xml"));
        TreeSet<String> managed = new TreeSet<>();
        for (Element dependency : children(child(child(bom, "dependencyManagement").orElseThrow(), "dependencies").orElseThrow(),
                "dependency")) {
            assertThat(text(dependency, "groupId")).isEqualTo("dev.ops");
            assertThat(text(dependency, "version")).as(text(dependency, "artifactId")).isEqualTo("${project.version}");
            managed.add(text(dependency, "artifactId"));
        }
        TreeSet<String> published = new TreeSet<>();
        for (Module m : modules()) {
            if (m.published() && !m.artifactId().equals("ops-bom")) {
                published.add(m.artifactId());
            }
        }

        assertThat(text(bom, "version")).as("ops-bom's version").isEqualTo(text(pom(ROOT.resolve("pom.xml")), "version"));
        assertThat(managed).as("the modules ops-bom manages (add a published module to ops-bom/pom.xml, or set"
                + " maven.deploy.skip in a module no user depends on)").isEqualTo(published);
    }

    @Test
    void everyJarNamesItsAutomaticModuleAfterItsArtifactId() throws Exception {
        for (Module m : modules()) {
            if (m.packaging().equals("jar")) {
                assertThat(m.moduleName()).as(m.artifactId() + "'s ops.module.name property (its Automatic-Module-Name)")
                        .isEqualTo("dev.ops." + m.artifactId().substring("ops-".length()).replace('-', '.'));
            }
        }
    }

    @Test
    void everyPublishedPomCarriesWhatMavenCentralRequires() throws Exception {
        Element parent = pom(ROOT.resolve("pom.xml"));
        for (Element project : List.of(parent, pom(ROOT.resolve("ops-bom/pom.xml")))) {
            assertThat(text(project, "url")).startsWith("https://");
            assertThat(children(child(project, "licenses").orElseThrow(), "license")).isNotEmpty();
            assertThat(children(child(project, "developers").orElseThrow(), "developer")).isNotEmpty();
            assertThat(text(child(project, "scm").orElseThrow(), "connection")).startsWith("scm:git:");
        }
        for (Module m : modules()) {
            if (m.published()) {
                assertThat(text(m.pom(), "name")).as(m.artifactId() + " name").isNotBlank();
                assertThat(text(m.pom(), "description")).as(m.artifactId() + " description").isNotBlank();
            }
        }
        assertThat(Files.readString(ROOT.resolve("LICENSE"))).contains("Apache License").contains("Version 2.0");
    }

    @Test
    void theSchemaArtifactStatesProxmoxsLicenceAndNothingButTheTestkitDependsOnIt() throws Exception {
        Element schema = pom(ROOT.resolve("ops-pve-schema/pom.xml"));
        Element license = children(child(schema, "licenses").orElseThrow(), "license").get(0);

        assertThat(text(license, "name")).isEqualTo("AGPL-3.0-only");
        assertThat(Files.readString(ROOT.resolve("ops-pve-schema/src/main/resources/dev/ops/pve/schema/NOTICE")))
                .contains("GNU Affero General Public License v3.0");
        for (Module m : modules()) {
            if (m.artifactId().equals("ops-pve-schema")) {
                continue;
            }
            boolean dependsOnSchema = Files.readString(ROOT.resolve(m.dir()).resolve("pom.xml")).contains("<artifactId>ops-pve-schema</artifactId>");
            assertThat(dependsOnSchema).as(m.artifactId() + " depends on ops-pve-schema")
                    .isEqualTo(m.artifactId().equals("ops-testkit") || m.artifactId().equals("ops-bom"));
        }
    }

    @Test
    void eachPackagedJarHasItsModuleNameAndSourcesAndJavadocBesideIt() throws Exception {
        int seen = 0;
        for (Module m : modules()) {
            Path target = ROOT.resolve(m.dir()).resolve("target");
            Path jar = target.resolve(m.artifactId() + "-" + text(pom(ROOT.resolve("pom.xml")), "version") + ".jar");
            if (!m.published() || !m.packaging().equals("jar") || !Files.exists(jar)) {
                continue;
            }
            seen++;
            try (JarFile file = new JarFile(jar.toFile())) {
                assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).as(jar.toString())
                        .isEqualTo(m.moduleName());
            }
            assertThat(Path.of(jar.toString().replace(".jar", "-sources.jar"))).exists();
            assertThat(Path.of(jar.toString().replace(".jar", "-javadoc.jar"))).exists();
        }
        Assumptions.assumeTrue(seen > 0, "no module was packaged before this test ran (bin/test packages them all first)");
    }

    private record Module(String dir, Element pom, String artifactId, String packaging, boolean published, String moduleName) {}

    private static List<Module> modules() throws Exception {
        List<Module> out = new ArrayList<>();
        for (Element module : children(child(pom(ROOT.resolve("pom.xml")), "modules").orElseThrow(), "module")) {
            String dir = module.getTextContent().trim();
            Element pom = pom(ROOT.resolve(dir).resolve("pom.xml"));
            Optional<Element> props = child(pom, "properties");
            String packaging = child(pom, "packaging").map(e -> e.getTextContent().trim()).orElse("jar");
            boolean skip = props.flatMap(p -> child(p, "maven.deploy.skip")).map(e -> e.getTextContent().trim().equals("true")).orElse(false);
            String moduleName = props.flatMap(p -> child(p, "ops.module.name")).map(e -> e.getTextContent().trim()).orElse("");
            out.add(new Module(dir, pom, text(pom, "artifactId"), packaging, !skip, moduleName));
        }
        return out;
    }

    private static Element pom(Path file) throws Exception {
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
            return doc.getDocumentElement();
        } catch (IOException e) {
            throw new IOException("cannot read " + file, e);
        }
    }

    private static Optional<Element> child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().trim()).orElse("");
    }
}
