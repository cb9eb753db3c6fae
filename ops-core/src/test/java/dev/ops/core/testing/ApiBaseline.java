package dev.ops.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The public API of a module as text, one line per public type and member (packages named
 * {@code internal} left out), compared with a baseline checked in beside the module's tests, so
 * that a change to the public surface is always deliberate and shows in review. Run the build
 * with {@code -Dops.api.update=true} to write the baseline anew after a deliberate change.
 */
public final class ApiBaseline {
    private ApiBaseline() {}

    /** Checks the classes compiled to {@code target/classes} of the module the test runs in against {@code src/test/resources/api.txt}. */
    public static void check() throws IOException {
        Path classes = Path.of("target", "classes");
        Path baseline = Path.of("src", "test", "resources", "api.txt");
        List<String> now = dump(classes);
        if (Boolean.getBoolean("ops.api.update") || !Files.exists(baseline)) {
            Files.createDirectories(baseline.getParent());
            Files.write(baseline, now);
            if (!Boolean.getBoolean("ops.api.update")) {
                throw new AssertionError("no API baseline yet; wrote " + baseline.toAbsolutePath() + ": review and commit it");
            }
            return;
        }
        List<String> was = Files.readAllLines(baseline);
        List<String> added = new ArrayList<>(now);
        added.removeAll(was);
        List<String> removed = new ArrayList<>(was);
        removed.removeAll(now);
        assertThat(added).as("public API added since %s (run with -Dops.api.update=true if deliberate)", baseline).isEmpty();
        assertThat(removed).as("public API removed since %s (run with -Dops.api.update=true if deliberate)", baseline).isEmpty();
    }

    /** One line per public type and public or protected member of the public packages under {@code classes}. */
    public static List<String> dump(Path classes) throws IOException {
        TreeSet<String> lines = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.contains(".internal.") || name.endsWith("package-info") || name.contains(".Immutable")) {
                    continue;
                }
                Class<?> type;
                try {
                    type = Class.forName(name, false, ApiBaseline.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                if (!isVisible(type)) {
                    continue;
                }
                String owner = type.getName();
                lines.add(owner + " " + kind(type) + supertypes(type));
                for (Field m : type.getDeclaredFields()) {
                    if (exposed(m.getModifiers()) && !m.isSynthetic()) {
                        lines.add(owner + " field " + Modifier.toString(m.getModifiers()) + " " + m.getGenericType().getTypeName() + " " + m.getName());
                    }
                }
                for (Constructor<?> c : type.getDeclaredConstructors()) {
                    if (exposed(c.getModifiers()) && !c.isSynthetic()) {
                        lines.add(owner + " new" + params(c));
                    }
                }
                for (Method m : type.getDeclaredMethods()) {
                    if (exposed(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                        lines.add(owner + " " + (Modifier.isStatic(m.getModifiers()) ? "static " : "") + m.getGenericReturnType().getTypeName()
                                + " " + m.getName() + params(m));
                    }
                }
            }
        }
        return new ArrayList<>(lines);
    }

    private static boolean isVisible(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
            if (!Modifier.isPublic(c.getModifiers()) || c.isAnonymousClass() || c.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static boolean exposed(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static String kind(Class<?> type) {
        return type.isRecord() ? "record" : type.isEnum() ? "enum" : type.isInterface() ? (type.isAnnotation() ? "annotation" : "interface")
                : (Modifier.isAbstract(type.getModifiers()) ? "abstract class" : "class");
    }

    private static String supertypes(Class<?> type) {
        List<String> s = new ArrayList<>();
        if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum() && !type.isRecord()) {
            s.add(type.getGenericSuperclass().getTypeName());
        }
        for (var i : type.getGenericInterfaces()) {
            s.add(i.getTypeName());
        }
        return s.isEmpty() ? "" : " : " + String.join(", ", s);
    }

    private static String params(Executable e) {
        List<String> p = new ArrayList<>();
        for (var t : e.getGenericParameterTypes()) {
            p.add(t.getTypeName());
        }
        return "(" + String.join(", ", p) + ")";
    }
}
