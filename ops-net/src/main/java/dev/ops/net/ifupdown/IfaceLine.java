package dev.ops.net.ifupdown;

/** One line in the body of an {@code iface} stanza: an option or a comment. */
public sealed interface IfaceLine permits IfaceOption, Comment {

    /** The text as it would be written now. */
    String render();
}
