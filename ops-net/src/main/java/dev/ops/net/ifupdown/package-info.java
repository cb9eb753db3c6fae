/** {@code /etc/network/interfaces} as ifupdown2 writes it: {@link dev.ops.net.ifupdown.InterfacesFile}, {@link dev.ops.net.ifupdown.NetworkInterfaces}. */
package dev.ops.net.ifupdown;
