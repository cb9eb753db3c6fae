/**
 * A fake sysfs and procfs tree of real files and symbolic links in a temporary directory, laid out
 * from recorded machines, that reacts to driver binding as the kernel does: {@link dev.ops.testkit.sysfs.FakeSysfs}.
 */
package dev.ops.testkit.sysfs;
