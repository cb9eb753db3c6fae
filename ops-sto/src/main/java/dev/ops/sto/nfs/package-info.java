/**
 * NFS exports: {@code /etc/exports} and {@code /etc/exports.d/*.exports} parsed and rendered,
 * exports made present or absent (applied with {@code exportfs -ra}, read back with
 * {@code exportfs -v}), refusing a space before the option parenthesis, which exports to the world.
 */
@OpsStyle
package dev.ops.sto.nfs;

import dev.ops.core.value.OpsStyle;
