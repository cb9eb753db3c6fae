/** A host's identity: host name and time zone, read and set with rollback. */
package dev.ops.sys.identity;
