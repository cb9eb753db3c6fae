/** Reading numbers out of text the way machines write them: ASCII digits only. */
package dev.ops.core.text;
