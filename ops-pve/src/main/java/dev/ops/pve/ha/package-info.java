/** High availability: the HA resources of the cluster. */
package dev.ops.pve.ha;
