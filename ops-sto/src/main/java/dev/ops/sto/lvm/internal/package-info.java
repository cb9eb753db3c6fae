/** How LVM is read and changed through its commands; not API. */
package dev.ops.sto.lvm.internal;
