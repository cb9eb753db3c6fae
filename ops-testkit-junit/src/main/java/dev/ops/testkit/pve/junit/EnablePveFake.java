package dev.ops.testkit.pve.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a {@link dev.ops.testkit.pve.PveFakeServer} for a test class and hands it, a {@link PveFake} and an
 * ops-pve {@link dev.ops.pve.PveClient} wired to it (API token, pinned certificate) to the tests:
 *
 * <ul>
 *   <li>as parameters of test and lifecycle methods ({@code PveFakeServer}, {@code PveFake}, {@code PveClient});
 *   <li>in fields of those types: a {@code static} field gets the server the class shares, set before
 *       {@code @BeforeAll}; an instance field gets a fresh server for each test, which that test's
 *       parameters then get too, closed after the test.
 * </ul>
 *
 * <p>Static methods annotated {@link PveSeed} taking a {@code PveFakeServer.Builder} seed the cluster; those of
 * superclasses run first. A {@code @Nested} class shares its enclosing class's server unless it carries
 * {@code @EnablePveFake} itself. State is shared by the tests that share a server: call
 * {@link dev.ops.testkit.pve.PveFakeServer#reset()} (e.g. in {@code @BeforeEach}) for a fresh cluster each time.
 * With {@link #strict()}, a test fails when a request it made violated the Proxmox VE API schema.
 *
 * <pre>{@code
 * @EnablePveFake(nodes = {"pve-01", "pve-02"})
 * class CloneTest {
 *     @PveSeed
 *     static void seed(PveFakeServer.Builder b) { b.vm(9000, "pve-01", vm -> vm.name("tmpl")); }
 *
 *     @Test
 *     void clones(PveClient client, PveFakeServer server) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PveFakeExtension.class)
public @interface EnablePveFake {

    /** The cluster's nodes. */
    String[] nodes() default {"pve-01"};

    /** How long tasks run before they end, in milliseconds. */
    long taskMillis() default 50;

    /**
     * When not negative, tasks end by status reads instead of time: each answers {@code running} to this many
     * status reads and has ended at the next (see {@link dev.ops.testkit.pve.PveFakeServer#taskReads(int)}).
     */
    int taskReads() default -1;

    /** Whether a schema violation fails the test that caused it. */
    boolean strict() default true;
}
