/** How the change model stores action types in the journal. */
package dev.ops.core.change.internal;
