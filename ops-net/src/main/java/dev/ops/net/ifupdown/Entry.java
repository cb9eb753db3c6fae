package dev.ops.net.ifupdown;

/**
 * One top-level element of an interfaces file: a comment or blank line, an {@code auto} /
 * {@code allow-*} line, a {@code source} line, or an {@code iface} stanza. Each keeps the exact
 * text it was parsed from, which is not part of its equality, so that an unedited file renders
 * byte-identical while values compare by meaning.
 */
public sealed interface Entry permits Comment, AutoLine, SourceLine, Iface {

    /** The text as it would be written now: the parsed text when unedited, else the canonical form. */
    String render();
}
