/** ops-pve. */
package dev.ops.pve;
