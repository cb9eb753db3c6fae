package com.example.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What ops-testkit must never do to a user's build: put JUnit 4 (or Hamcrest, which comes with it) or a test engine
 * other than the user's own on the test class path, or JUnit jars of another version than the user's.
 */
class ClassPathTest {
    @Test
    void theTestClassPathHoldsOnlyTheUsersJUnit() throws IOException {
        List<String> leaks = leaks();
        String expected = System.getProperty("lab.expectLeak", "");

        if (expected.isEmpty() || expected.startsWith("$")) {
            assertEquals(List.of(), leaks, "class path: " + System.getProperty("java.class.path"));
        } else {
            // A leak put there on purpose (a profile of this project): the check must report it, and only it.
            assertEquals(1, leaks.size(), leaks.toString());
            assertEquals(expected, leaks.get(0).substring(0, leaks.get(0).indexOf(':')), leaks.toString());
        }
    }

    /** Each problem as "kind: detail". */
    static List<String> leaks() throws IOException {
        List<String> out = new ArrayList<>();
        ClassLoader loader = ClassPathTest.class.getClassLoader();
        if (loader.getResource("junit/framework/TestCase.class") != null || loader.getResource("org/junit/Assert.class") != null
                || loader.getResource("org/hamcrest/Matcher.class") != null) {
            out.add("junit4: JUnit 4 or Hamcrest is on the test class path");
        }
        TreeSet<String> engines = new TreeSet<>();
        for (URL services : Collections.list(loader.getResources("META-INF/services/org.junit.platform.engine.TestEngine"))) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(services.openStream(), StandardCharsets.UTF_8))) {
                r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(engines::add);
            }
        }
        if (!engines.equals(new TreeSet<>(List.of("org.junit.jupiter.engine.JupiterTestEngine")))) {
            out.add("engine: the test engines are " + engines + ", not Jupiter alone");
        }
        TreeSet<String> versions = new TreeSet<>();
        for (String entry : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")).split(java.io.File.pathSeparator)) {
            String name = new java.io.File(entry).getName();
            if (name.matches("junit-(jupiter|platform)-[a-z-]+-\\d.*\\.jar")) {
                String version = name.replaceAll("^junit-(jupiter|platform)-[a-z-]+?-(\\d[^-]*)\\.jar$", "$2");
                // JUnit 5's platform jars are 1.x beside Jupiter 5.x; JUnit 6 numbers them alike.
                versions.add(version.startsWith("1.") ? "5." + version.substring(2) : version);
            }
        }
        if (versions.size() > 1) {
            out.add("versions: JUnit jars of several versions " + versions);
        }
        return out;
    }
}
