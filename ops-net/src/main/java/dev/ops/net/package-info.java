/** ops-net. */
package dev.ops.net;
