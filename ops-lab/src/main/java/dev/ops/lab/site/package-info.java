/** A site: the directory of YAML files that describes a lab, loaded into typed, validated values. */
package dev.ops.lab.site;
