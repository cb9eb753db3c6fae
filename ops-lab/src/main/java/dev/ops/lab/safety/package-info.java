/** The seed's automatic snapshot: a safety snapshot of a guest before a rebuild, a configuration change or an upgrade. */
package dev.ops.lab.safety;
