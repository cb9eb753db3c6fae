/** PCI functions, IOMMU groups and the IOMMU's state, read from sysfs and procfs in one round trip: {@link dev.ops.gpu.pci.Pci}. */
package dev.ops.gpu.pci;
