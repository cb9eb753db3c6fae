/** The project's one Jackson configuration, for ops's modules only: not part of the public API. */
package dev.ops.core.json.internal;
