package dev.ops.testkit.pbs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** The fake compresses as proxmox-rest-server does: deflate only, chosen by the first entry it knows. */
class PbsCompressionTest {
    @Test
    void deflateIsChosenWhereverItStandsAndOnlyDeflate() {
        assertThat(PbsCompression.accepts("gzip, deflate")).isTrue(); // what python-requests sends
        assertThat(PbsCompression.accepts("deflate")).isTrue();
        assertThat(PbsCompression.accepts("br,deflate;q=0.5")).isTrue();
        assertThat(PbsCompression.accepts("gzip")).isFalse(); // what OkHttp sends by itself
        assertThat(PbsCompression.accepts("identity")).isFalse();
        assertThat(PbsCompression.accepts(null)).isFalse();
    }

    @Test
    void theAnswerIsInTheZlibFormat() throws Exception {
        byte[] body = "{\"data\":[1,2,3]}".repeat(100).getBytes(StandardCharsets.UTF_8);

        byte[] deflated = PbsCompression.deflate(body);

        assertThat(deflated[0]).isEqualTo((byte) 0x78); // a zlib header: deflate, 32 KiB window
        Inflater inflater = new Inflater();
        inflater.setInput(deflated);
        byte[] back = new byte[body.length];
        assertThat(inflater.inflate(back)).isEqualTo(body.length);
        assertThat(inflater.finished()).isTrue();
        assertThat(back).isEqualTo(body);
    }
}
