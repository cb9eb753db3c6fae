/**
 * Replication across nodes: a template or guest cloned to other nodes under the site's naming
 * convention, with the next free address of each node's range and a fresh MAC, verified and recorded
 * in the catalog; one plan, one journal record, one rollback per request.
 */
package dev.ops.lab.replicate;
