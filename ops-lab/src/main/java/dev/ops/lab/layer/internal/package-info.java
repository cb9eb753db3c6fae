/** How the layers are built: one chain of changes per layer. */
package dev.ops.lab.layer.internal;
