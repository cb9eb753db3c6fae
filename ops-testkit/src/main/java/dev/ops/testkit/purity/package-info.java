/** The check that planning changes nothing: every plan made while ops-testkit is on the class path. */
package dev.ops.testkit.purity;
