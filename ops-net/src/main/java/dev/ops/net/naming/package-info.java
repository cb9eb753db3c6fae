/** Host name conventions and RFC 1123 checks: {@link dev.ops.net.naming.NamingConvention}, {@link dev.ops.net.naming.NameAllocator}. */
package dev.ops.net.naming;
