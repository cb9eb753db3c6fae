/** The {@code ops} command over ops-lab, as the lab's Justfile was its single entry point. */
package dev.ops.lab.cli;
