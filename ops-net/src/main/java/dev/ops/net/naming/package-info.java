/** Host name conventions (names checked by {@link dev.ops.core.text.HostNames}): {@link dev.ops.net.naming.NamingConvention}, {@link dev.ops.net.naming.NameAllocator}. */
package dev.ops.net.naming;
