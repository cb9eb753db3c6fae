/** The changes behind {@link dev.ops.lab.backup.Backups}: a backup taken and recorded, and the retention of a guest's backups. */
package dev.ops.lab.backup.internal;
