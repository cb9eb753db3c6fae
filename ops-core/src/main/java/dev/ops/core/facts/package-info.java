/** Basic host facts in one round trip. */
package dev.ops.core.facts;
