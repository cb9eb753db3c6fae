/** Locally administered MAC addresses, random or derived, claimed in the state store: {@link dev.ops.net.mac.MacAllocator}. */
package dev.ops.net.mac;
