/** The changes of backups: vzdump and restore, made by {@link dev.ops.pve.backup.internal.BackupChanges}. */
package dev.ops.pve.backup.internal;
