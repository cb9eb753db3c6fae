/**
 * The changes of guests: power, config, clone, create, delete, template, migrate and snapshots, each
 * a package-private class made by {@link dev.ops.pve.guest.internal.GuestChanges}.
 */
package dev.ops.pve.guest.internal;
