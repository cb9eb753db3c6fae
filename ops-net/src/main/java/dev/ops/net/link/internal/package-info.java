/** Implementation of the live network changes: {@code ip -json} parsing, host state, composite actions. */
package dev.ops.net.link.internal;
