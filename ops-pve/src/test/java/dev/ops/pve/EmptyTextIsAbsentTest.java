package dev.ops.pve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.pve.testing.Answers;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Proxmox sends {@code ""} for a text it has no value for ({@code "lock": ""} on an unlocked guest,
 * {@code "level": ""} without a subscription). For every model of ops-pve (found on the class path,
 * not listed by hand), every text field sent empty reads as absent: each {@code Optional} accessor is
 * empty.
 */
class EmptyTextIsAbsentTest {

    @Test
    void everyTextFieldOfEveryModelSentEmptyIsAbsent() throws Exception {
        List<Class<? extends PveObject>> models = models();
        List<String> covered = new ArrayList<>();
        for (Class<? extends PveObject> model : models) {
            Field table = model.getDeclaredField("FIELDS");
            table.setAccessible(true);
            PveObject.Fields<?> fields = (PveObject.Fields<?>) table.get(null);
            if (fields.textFields().isEmpty()) {
                continue;
            }
            String json = fields.textFields().stream().map(n -> "\"" + n + "\":\"\"").collect(Collectors.joining(",", "{", "}"));
            PveObject read = Answers.one(model, "{\"data\":[" + json + "]}");
            for (Method m : model.getMethods()) {
                if (m.getParameterCount() == 0 && m.getReturnType() == Optional.class && !Modifier.isStatic(m.getModifiers())) {
                    assertThat((Optional<?>) m.invoke(read)).as("%s.%s() with %s", model.getSimpleName(), m.getName(), json).isEmpty();
                }
            }
            covered.add(model.getSimpleName());
        }
        assertThat(covered).as("models with text fields").contains("GuestStatus", "ClusterResource").hasSizeGreaterThan(10);
    }

    @Test
    void anUnlockedGuestHasNoLock() throws IOException {
        var status = Answers.one(dev.ops.pve.guest.GuestStatus.class, """
                {"data":[{"status":"running","lock":"","name":"web"}]}""");
        assertThat(status.lock()).isEmpty();
        assertThat(status.name()).contains("web");
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends PveObject>> models() throws IOException {
        Path classes = Path.of(PveObject.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<Class<? extends PveObject>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> c = Class.forName(name, false, EmptyTextIsAbsentTest.class.getClassLoader());
                    if (PveObject.class.isAssignableFrom(c) && c != PveObject.class && !Modifier.isAbstract(c.getModifiers())) {
                        out.add((Class<? extends PveObject>) c);
                    }
                } catch (ClassNotFoundException | LinkageError skipped) {
                    // not a loadable class
                }
            }
        }
        return out;
    }
}
