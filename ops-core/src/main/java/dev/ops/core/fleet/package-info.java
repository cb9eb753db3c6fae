/** Fan-out of one function over many hosts. */
package dev.ops.core.fleet;
