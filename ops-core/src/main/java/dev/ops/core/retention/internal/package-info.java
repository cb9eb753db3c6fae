/** The retention algorithm behind {@link dev.ops.core.retention.RetentionPolicy#plan}; not API. */
package dev.ops.core.retention.internal;
