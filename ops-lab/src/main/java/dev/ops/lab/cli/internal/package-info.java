/** The command's picocli classes and the context they share. */
package dev.ops.lab.cli.internal;
