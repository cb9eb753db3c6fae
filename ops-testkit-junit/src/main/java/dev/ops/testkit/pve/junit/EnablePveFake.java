package dev.ops.testkit.pve.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a {@link dev.ops.testkit.pve.PveFakeServer} for the test class and injects it, and an
 * ops-pve {@link dev.ops.pve.PveClient} wired to it (API token, pinned certificate), into test
 * and lifecycle method parameters. A static method annotated {@link PveSeed} taking a
 * {@code PveFakeServer.Builder} seeds the cluster. With {@link #strict()}, every test fails when a
 * request it made violated the Proxmox VE API schema.
 *
 * <pre>{@code
 * @EnablePveFake(nodes = {"pve-01", "pve-02"})
 * class CloneTest {
 *     @PveSeed
 *     static void seed(PveFakeServer.Builder b) { b.vm(9000, "pve-01", vm -> vm.set("name", "tmpl")); }
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

    /** Whether a schema violation fails the test that caused it. */
    boolean strict() default true;
}
