/** The PBS fake's state and request handling. */
package dev.ops.testkit.pbs.internal;
