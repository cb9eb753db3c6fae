/** The seed's action policies as ops-core policy: deny rules checked at plan time and an approval gate. */
package dev.ops.lab.policy;
