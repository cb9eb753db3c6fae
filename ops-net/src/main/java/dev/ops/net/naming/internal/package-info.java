/** The sequences and the change behind {@link dev.ops.net.naming.NameAllocator}; not API. */
package dev.ops.net.naming.internal;
