/** How exports files are parsed, edited and applied; not API. */
package dev.ops.sto.nfs.internal;
