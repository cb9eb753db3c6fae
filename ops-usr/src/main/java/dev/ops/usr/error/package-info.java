/** Errors specific to the files ops-usr reads and edits. */
package dev.ops.usr.error;
