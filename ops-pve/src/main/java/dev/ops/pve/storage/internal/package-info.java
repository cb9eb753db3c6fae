/** The changes of storages: download-url and upload, made by {@link dev.ops.pve.storage.internal.StorageChanges}. */
package dev.ops.pve.storage.internal;
