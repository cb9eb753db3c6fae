/** ops-usr. */
package dev.ops.usr;
