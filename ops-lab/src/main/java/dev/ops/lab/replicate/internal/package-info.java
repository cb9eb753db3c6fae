/** How one replication request is composed from ops-pve's and ops-net's changes. */
package dev.ops.lab.replicate.internal;
