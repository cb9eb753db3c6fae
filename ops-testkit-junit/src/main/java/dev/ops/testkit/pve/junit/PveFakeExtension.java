package dev.ops.testkit.pve.junit;

import dev.ops.core.secret.Secret;
import dev.ops.pve.PveClient;
import dev.ops.testkit.pve.PveApiToken;
import dev.ops.testkit.pve.PveFakeServer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** The JUnit 5 extension behind {@link EnablePveFake}. */
public final class PveFakeExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PveFakeExtension.class);
    /** The token every extension-started server accepts, with root@pam's privileges. */
    static final String TOKEN_USER = "root@pam";
    static final String TOKEN_NAME = "ops-test";

    private record Fixture(PveFakeServer server, PveClient client, boolean strict) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            server.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        EnablePveFake config = testClass.getAnnotation(EnablePveFake.class);
        PveFakeServer.Builder builder = PveFakeServer.builder().taskDuration(Duration.ofMillis(config.taskMillis()))
                .strict(config.strict());
        for (String node : config.nodes()) {
            builder.node(node);
        }
        String secret = java.util.UUID.randomUUID().toString();
        builder.token(TOKEN_USER, TOKEN_NAME, secret);
        for (Method m : testClass.getDeclaredMethods()) {
            if (m.isAnnotationPresent(PveSeed.class)) {
                if (!Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 1
                        || m.getParameterTypes()[0] != PveFakeServer.Builder.class) {
                    throw new ExtensionConfigurationException("@PveSeed method " + m.getName()
                            + " must be static and take one PveFakeServer.Builder");
                }
                m.setAccessible(true);
                m.invoke(null, builder);
            }
        }
        PveFakeServer server = builder.start();
        PveApiToken token = server.tokens().stream().filter(t -> t.name().equals(TOKEN_NAME)).findFirst().orElseThrow();
        PveClient client = PveClient.builder().baseUrl(server.baseUri().toString())
                .apiToken(token.userid(), token.name(), Secret.of(token.secret()))
                .pinnedCertificate(server.fingerprint()).name("pve-fake").build();
        context.getStore(NS).put(Fixture.class, new Fixture(server, client, config.strict()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Fixture f = context.getStore(NS).remove(Fixture.class, Fixture.class);
        if (f != null) {
            f.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        fixture(context).server().clearViolations();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Fixture f = fixture(context);
        if (f.strict() && context.getExecutionException().isEmpty()) {
            f.server().assertNoSchemaViolations();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == PveFakeServer.class || type == PveClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Fixture f = fixture(context);
        return parameter.getParameter().getType() == PveClient.class ? f.client() : f.server();
    }

    private static Fixture fixture(ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            Fixture f = c.getStore(NS).get(Fixture.class, Fixture.class);
            if (f != null) {
                return f;
            }
        }
        throw new ExtensionConfigurationException("no fake PVE server: is the class annotated with @EnablePveFake?");
    }
}
