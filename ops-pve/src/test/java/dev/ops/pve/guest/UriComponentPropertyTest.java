package dev.ops.pve.guest;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class UriComponentPropertyTest {

    @Property(tries = 300)
    void encodingIsWhatProxmoxsUrlencodedFormatAcceptsAndDecodesBack(@ForAll String text) {
        net.jqwik.api.Assume.that(text.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF));
        String enc = UriComponent.encode(text);
        assertThat(enc).matches("[-%a-zA-Z0-9_.!~*'()]*");
        assertThat(UriComponent.decode(enc)).isEqualTo(text);
    }
}
