/** How a restore under a new identity is composed. */
package dev.ops.lab.restore.internal;
