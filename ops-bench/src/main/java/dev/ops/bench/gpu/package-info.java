/** GPU discovery benchmark: ops-gpu reading the 8-GPU fake sysfs, next to lspci and a shell loop over IOMMU groups. */
package dev.ops.bench.gpu;
