package dev.ops.testkit.pve.junit;

import dev.ops.pve.PveClient;
import dev.ops.testkit.pve.PveFakeServer;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link EnablePveFake}: a server per annotated class (shared by its tests and
 * its {@code @Nested} classes), a fresh one per test for a class with instance fields to inject, and the
 * parameters and fields of type {@link PveFakeServer}, {@link PveFake} and {@link PveClient}.
 */
public final class PveFakeExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PveFakeExtension.class);
    private static final Set<Class<?>> INJECTED = Set.of(PveFakeServer.class, PveFake.class, PveClient.class);
    private static final String CLASS_FIXTURE = "class";
    private static final String TEST_FIXTURE = "test";

    /** A started fake, the client handed to tests, and whether schema violations fail them. */
    private record Fixture(PveFake fake, PveClient client, boolean strict) {
        void close() {
            try {
                client.close();
            } finally {
                fake.server().close(); // started non-strict: the extension reports violations per test
            }
        }

        Object get(Class<?> type) {
            return type == PveClient.class ? client : type == PveFake.class ? fake : fake.server();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        EnablePveFake own = testClass.getAnnotation(EnablePveFake.class);
        Optional<Fixture> enclosing = context.getParent().flatMap(PveFakeExtension::classFixture);
        if (own == null && enclosing.isPresent()) {
            if (!seedMethods(List.of(testClass)).isEmpty()) {
                throw new ExtensionConfigurationException("@PveSeed in @Nested class " + testClass.getSimpleName()
                        + " needs @EnablePveFake on that class too: without it the class shares its enclosing class's server");
            }
        } else {
            context.getStore(NS).put(CLASS_FIXTURE, start(context));
        }
        Fixture shared = classFixture(context).orElseThrow();
        for (Field f : fields(testClass, true)) {
            f.set(null, shared.get(f.getType()));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Fixture f = context.getStore(NS).remove(CLASS_FIXTURE, Fixture.class);
        if (f != null) {
            f.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        List<Object> instances = context.getRequiredTestInstances().getAllInstances();
        List<Field> perTest = new ArrayList<>();
        List<Object> owners = new ArrayList<>();
        for (Object instance : instances) {
            for (Field f : fields(instance.getClass(), false)) {
                perTest.add(f);
                owners.add(instance);
            }
        }
        if (!perTest.isEmpty()) {
            Fixture fresh = start(context);
            context.getStore(NS).put(TEST_FIXTURE, fresh);
            for (int i = 0; i < perTest.size(); i++) {
                perTest.get(i).set(owners.get(i), fresh.get(perTest.get(i).getType()));
            }
        }
        fixture(context).fake().server().clearViolations();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Fixture f = fixture(context);
        Fixture perTest = context.getStore(NS).remove(TEST_FIXTURE, Fixture.class);
        try {
            if (f.strict() && context.getExecutionException().isEmpty()) {
                f.fake().server().assertNoSchemaViolations();
            }
        } finally {
            if (perTest != null) {
                perTest.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return INJECTED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return fixture(context).get(parameter.getParameter().getType());
    }

    /** Starts a fake for the context's test class, configured by the nearest {@link EnablePveFake} and seeded. */
    private static Fixture start(ExtensionContext context) throws Exception {
        Deque<Class<?>> chain = new ArrayDeque<>(); // the enclosing classes, outermost first, then the test class
        for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
            chain.addFirst(c);
        }
        EnablePveFake config = null;
        List<Class<?>> seeded = new ArrayList<>();
        for (Class<?> c : chain) {
            EnablePveFake a = c.getAnnotation(EnablePveFake.class);
            if (a != null) {
                config = a;
                seeded.clear();
            }
            if (config != null) {
                seeded.add(c);
            }
        }
        if (config == null) {
            throw new ExtensionConfigurationException("no @EnablePveFake on " + context.getRequiredTestClass().getName()
                    + " or a class enclosing it");
        }
        PveFakeServer.Builder builder = PveFakeServer.builder().taskDuration(Duration.ofMillis(config.taskMillis()))
                .taskReads(config.taskReads()).strict(false);
        for (String node : config.nodes()) {
            builder.node(node);
        }
        for (Method m : seedMethods(seeded)) {
            try {
                m.invoke(null, builder);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception x ? x : e;
            }
        }
        PveFake fake = PveFake.start(builder);
        return new Fixture(fake, fake.newClient(), config.strict());
    }

    /** The {@link PveSeed} methods of these classes and their superclasses, superclasses' first. */
    private static List<Method> seedMethods(List<Class<?>> classes) {
        List<Method> out = new ArrayList<>();
        for (Class<?> top : classes) {
            Deque<Class<?>> hierarchy = new ArrayDeque<>();
            for (Class<?> c = top; c != null && c != Object.class; c = c.getSuperclass()) {
                hierarchy.addFirst(c);
            }
            for (Class<?> c : hierarchy) {
                for (Method m : c.getDeclaredMethods()) {
                    if (!m.isAnnotationPresent(PveSeed.class)) {
                        continue;
                    }
                    if (!Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 1
                            || m.getParameterTypes()[0] != PveFakeServer.Builder.class) {
                        throw new ExtensionConfigurationException("@PveSeed method " + c.getSimpleName() + "." + m.getName()
                                + " must be static and take one PveFakeServer.Builder");
                    }
                    m.setAccessible(true);
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** The fields of a class and its superclasses whose type the extension injects, static or not. */
    private static List<Field> fields(Class<?> type, boolean statics) {
        List<Field> out = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (INJECTED.contains(f.getType()) && Modifier.isStatic(f.getModifiers()) == statics && !f.isSynthetic()) {
                    if (Modifier.isFinal(f.getModifiers())) {
                        throw new ExtensionConfigurationException("field " + c.getSimpleName() + "." + f.getName()
                                + " is final: @EnablePveFake cannot inject it");
                    }
                    f.setAccessible(true);
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** The class fixture of this context or the nearest enclosing one. */
    private static Optional<Fixture> classFixture(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            Fixture f = c.getStore(NS).get(CLASS_FIXTURE, Fixture.class);
            if (f != null) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The fixture a test uses: its own when it has one, else its class's. */
    private static Fixture fixture(ExtensionContext context) {
        Fixture perTest = context.getStore(NS).get(TEST_FIXTURE, Fixture.class);
        if (perTest != null) {
            return perTest;
        }
        return classFixture(context).orElseThrow(() ->
                new ExtensionConfigurationException("no fake PVE server: is the class annotated with @EnablePveFake?"));
    }
}
