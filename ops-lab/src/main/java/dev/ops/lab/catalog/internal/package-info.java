/** The catalog's journaled store actions and its JSON form. */
package dev.ops.lab.catalog.internal;
