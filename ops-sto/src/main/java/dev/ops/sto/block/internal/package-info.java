/** How block device settings are read and written in sysfs; not API. */
package dev.ops.sto.block.internal;
