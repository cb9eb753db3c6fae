/** ops-sys. */
package dev.ops.sys;
