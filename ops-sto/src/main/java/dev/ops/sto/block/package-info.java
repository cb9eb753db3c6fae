/** Block device tuning through sysfs: the I/O scheduler and read-ahead, each a change with rollback. */
package dev.ops.sto.block;
