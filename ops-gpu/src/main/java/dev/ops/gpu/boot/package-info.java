/** Boot prerequisites of VFIO passthrough (kernel command line, modules, modprobe.d) with byte-exact rollback: {@link dev.ops.gpu.boot.VfioBoot}. */
package dev.ops.gpu.boot;
