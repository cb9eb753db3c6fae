/** ops-sto's registrations with ops-core (journal action names); not API. */
package dev.ops.sto.internal;
