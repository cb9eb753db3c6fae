/** How the PCI topology is read from sysfs and procfs, and pci.ids parsed; not API. */
package dev.ops.gpu.pci.internal;
