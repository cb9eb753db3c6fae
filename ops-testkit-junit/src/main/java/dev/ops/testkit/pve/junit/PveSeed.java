package dev.ops.testkit.pve.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method {@code (PveFakeServer.Builder)} that seeds the fake cluster of an {@link EnablePveFake}
 * class. Such methods of superclasses are found too and run before the subclass's.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PveSeed {}
