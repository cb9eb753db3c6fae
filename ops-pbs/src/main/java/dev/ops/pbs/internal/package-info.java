/** The changes of ops-pbs and their journal names; {@link dev.ops.pbs.PbsChanges} is their public face. */
package dev.ops.pbs.internal;
