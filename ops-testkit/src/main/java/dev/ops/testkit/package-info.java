/** ops-testkit. */
package dev.ops.testkit;
