/** Reading site files: a YAML tree with line numbers and the loader that checks every section. */
package dev.ops.lab.site.internal;
