/** apt and dpkg output parsers, error mapping and the apt action. */
package dev.ops.sys.pkg.internal;
