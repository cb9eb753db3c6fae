/** The state store SPI and its embedded implementations. */
package dev.ops.core.store;
