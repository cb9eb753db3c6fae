/** How smb.conf is edited, validated and reloaded; not API. */
package dev.ops.sto.smb.internal;
