package dev.ops.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class OctalEscapesTest {

    @Test
    void spacesTabsNewlinesAndBackslashesAreDecoded() {
        assertThat(OctalEscapes.decode("/mnt/data\\040x")).isEqualTo("/mnt/data x");
        assertThat(OctalEscapes.decode("a\\011b\\012c\\134d")).isEqualTo("a\tb\nc\\d");
        assertThat(OctalEscapes.decode("/plain")).isEqualTo("/plain");
    }

    @Test
    void escapedBytesOfOneCharacterComeBackAsThatCharacter() {
        assertThat(OctalEscapes.decode("/srv/caf\\303\\251")).isEqualTo("/srv/café");
    }

    @Test
    void whatIsNotAnEscapeStaysAsItIs() {
        assertThat(OctalEscapes.decode("a\\09b\\4")).isEqualTo("a\\09b\\4");
        assertThat(OctalEscapes.decode("x\\")).isEqualTo("x\\");
    }

    @Property
    void decodingTheKernelsEscapingGivesTheTextBack(@ForAll String text) {
        String encoded = text.replace("\\", "\\134").replace(" ", "\\040").replace("\t", "\\011").replace("\n", "\\012");
        assertThat(OctalEscapes.decode(encoded)).isEqualTo(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
}
