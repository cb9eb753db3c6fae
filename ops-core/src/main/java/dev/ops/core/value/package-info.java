/** Shared conventions for immutable value types. */
package dev.ops.core.value;
