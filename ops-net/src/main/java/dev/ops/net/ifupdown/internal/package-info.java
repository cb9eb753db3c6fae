/** Implementation of the interfaces-file changes: unified diff, write-and-reload action. */
package dev.ops.net.ifupdown.internal;
