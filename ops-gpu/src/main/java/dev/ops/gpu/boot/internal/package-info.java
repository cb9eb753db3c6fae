/** How boot files are edited; not API. */
package dev.ops.gpu.boot.internal;
