/** How GPUs are found, inspected and moved between drivers; not API. */
package dev.ops.gpu.device.internal;
